using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NumeraiAws.ContractHost;

/// <summary>
/// IAM service-specific credentials (CodeCommit Git credentials and the like), which moto 5.2.1 answers with
/// HTTP 500. Shapes, error codes and HTTP statuses follow the IAM API reference and the IAM service model
/// (iam-2010-05-08): CreateServiceSpecificCredential, ListServiceSpecificCredentials,
/// DeleteServiceSpecificCredential, ResetServiceSpecificCredential, UpdateServiceSpecificCredential.
/// Users themselves live in moto; this class keeps only the credentials, in memory.
/// </summary>
internal sealed class IamServiceSpecificCredentials
{
    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    // The services the API reference lists as accepting service-specific credentials. CodeCommit and Keyspaces
    // get a user name and password; Bedrock and CloudWatch Logs get an "API key" (alias and secret) instead.
    private static readonly HashSet<string> PasswordServices = new(StringComparer.Ordinal)
    {
        "codecommit.amazonaws.com", "cassandra.amazonaws.com",
    };
    private static readonly HashSet<string> ApiKeyServices = new(StringComparer.Ordinal)
    {
        "bedrock.amazonaws.com", "logs.amazonaws.com",
    };

    // "You can have a maximum of two sets of service-specific credentials for each supported service per user."
    private const int MaxCredentialsPerUserPerService = 2;

    private static readonly Regex UserNamePattern = new(@"^[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex CredentialIdPattern = new(@"^\w{20,128}$", RegexOptions.CultureInvariant);

    private readonly Upstream _upstream;
    private readonly CallLog _calls;
    private readonly object _gate = new();
    private readonly List<Credential> _credentials = new();

    public IamServiceSpecificCredentials(Upstream upstream, CallLog calls)
    {
        _upstream = upstream;
        _calls = calls;
    }

    public void Reset()
    {
        lock (_gate) _credentials.Clear();
    }

    /// <summary>Answers the request if it is one of ours; null means "not ours, forward it to moto".</summary>
    public async Task<ContractResponse> TryHandleAsync(ContractRequest request)
    {
        var p = request.QueryParameters();
        if (!p.TryGetValue("Action", out var action)) return null;
        switch (action)
        {
            case "CreateServiceSpecificCredential": return Answered(action, await CreateAsync(request, p));
            case "ListServiceSpecificCredentials": return Answered(action, await ListAsync(request, p));
            case "DeleteServiceSpecificCredential": return Answered(action, await DeleteAsync(request, p));
            case "ResetServiceSpecificCredential": return Answered(action, await ResetAsync(request, p));
            case "UpdateServiceSpecificCredential": return Answered(action, await UpdateAsync(request, p));
            case "DeleteUser": return Answered(action, DeleteUserConflict(request, p));
            default: return null;
        }
    }

    private ContractResponse Answered(string action, ContractResponse response)
    {
        if (response != null) _calls.Record("iam", action);
        return response;
    }

    private async Task<ContractResponse> CreateAsync(ContractRequest request, Dictionary<string, string> p)
    {
        var userName = p.GetValueOrDefault("UserName");
        var serviceName = p.GetValueOrDefault("ServiceName");
        if (Invalid(userName, "userName", required: true, UserNamePattern, @"[\w+=,.@-]+") is { } e1) return e1;
        if (string.IsNullOrEmpty(serviceName)) return MissingMember("serviceName");

        int? ageDays = null;
        if (p.TryGetValue("CredentialAgeDays", out var ageText))
        {
            if (!int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age < 1 || age > 36600)
                return ValidationError($"Value '{ageText}' at 'credentialAgeDays' failed to satisfy constraint: " +
                                       "Member must have value less than or equal to 36600 and greater than or equal to 1");
            ageDays = age;
        }

        if (!PasswordServices.Contains(serviceName) && !ApiKeyServices.Contains(serviceName))
            return Error(404, "NotSupportedService", $"Service {serviceName} is not supported for service-specific credentials.");
        if (ageDays.HasValue && !ApiKeyServices.Contains(serviceName))
            return Error(400, "InvalidInput", "CredentialAgeDays is only valid for Bedrock and CloudWatch Logs API keys.");

        var (user, missing) = await ResolveUserAsync(request, userName);
        if (missing != null) return missing;

        var account = request.Scope.AccountId;
        Credential created;
        lock (_gate)
        {
            var existing = _credentials.Count(c => c.Account == account && c.UserName == user && c.ServiceName == serviceName);
            if (existing >= MaxCredentialsPerUserPerService)
                return Error(409, "LimitExceeded",
                    $"Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: {MaxCredentialsPerUserPerService}");

            var now = Now();
            created = new Credential
            {
                Account = account,
                Id = "ACCA" + RandomUpperAlnum(17),
                UserName = user,
                ServiceName = serviceName,
                CreateDate = now,
                ExpirationDate = ageDays.HasValue ? now.AddDays(ageDays.Value) : null,
                Status = "Active",
            };
            // The reference describes an API key's alias only as "the IAM user name and a suffix containing
            // version and creation information"; this one has that form, and callers must not parse it.
            if (ApiKeyServices.Contains(serviceName))
                created.ServiceCredentialAlias = $"{user}+1-{now:yyyyMMddHHmmss}";
            else
                created.ServiceUserName = $"{user}-at-{account}";
            NewSecret(created);
            _credentials.Add(created);
        }
        return Success("CreateServiceSpecificCredential", FullCredential(created));
    }

    private async Task<ContractResponse> ListAsync(ContractRequest request, Dictionary<string, string> p)
    {
        var userName = p.GetValueOrDefault("UserName");
        var serviceName = p.GetValueOrDefault("ServiceName");
        var allUsers = string.Equals(p.GetValueOrDefault("AllUsers"), "true", StringComparison.OrdinalIgnoreCase);
        if (Invalid(userName, "userName", required: false, UserNamePattern, @"[\w+=,.@-]+") is { } e1) return e1;
        if (allUsers && userName != null)
            return Error(400, "InvalidInput", "AllUsers cannot be specified together with UserName.");
        if (serviceName != null && !PasswordServices.Contains(serviceName) && !ApiKeyServices.Contains(serviceName))
            return Error(404, "NotSupportedService", $"Service {serviceName} is not supported for service-specific credentials.");

        var maxItems = 100;
        if (p.TryGetValue("MaxItems", out var maxText)
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems < 1 || maxItems > 1000))
            return ValidationError($"Value '{maxText}' at 'maxItems' failed to satisfy constraint: " +
                                   "Member must have value less than or equal to 1000 and greater than or equal to 1");
        var start = 0;
        if (p.TryGetValue("Marker", out var marker) && !TryDecodeMarker(marker, out start))
            return Error(400, "InvalidInput", "Invalid Marker.");

        string user = null;
        if (!allUsers)
        {
            // "If this value is not specified, then the operation assumes the user whose credentials are used to
            // call the operation": moto knows who that is, so it is asked.
            var (resolved, missing) = await ResolveUserAsync(request, userName);
            if (missing != null) return missing;
            user = resolved;
        }

        var account = request.Scope.AccountId;
        Credential[] matching;
        lock (_gate)
        {
            matching = _credentials
                .Where(c => c.Account == account && (allUsers || c.UserName == user) && (serviceName == null || c.ServiceName == serviceName))
                .OrderBy(c => c.CreateDate)
                .ToArray();
        }
        var page = matching.Skip(start).Take(maxItems).ToArray();
        var truncated = start + page.Length < matching.Length;
        var members = new XElement(Ns + "ServiceSpecificCredentials", page.Select(c => new XElement(Ns + "member", Metadata(c))));
        var result = new List<object> { members, new XElement(Ns + "IsTruncated", truncated ? "true" : "false") };
        if (truncated) result.Add(new XElement(Ns + "Marker", EncodeMarker(start + page.Length)));
        return Success("ListServiceSpecificCredentials", result.ToArray());
    }

    private async Task<ContractResponse> DeleteAsync(ContractRequest request, Dictionary<string, string> p)
    {
        var (credential, error) = await FindAsync(request, p);
        if (error != null) return error;
        lock (_gate) _credentials.Remove(credential);
        return Success("DeleteServiceSpecificCredential");
    }

    private async Task<ContractResponse> ResetAsync(ContractRequest request, Dictionary<string, string> p)
    {
        var (credential, error) = await FindAsync(request, p);
        if (error != null) return error;
        lock (_gate) NewSecret(credential);
        return Success("ResetServiceSpecificCredential", FullCredential(credential));
    }

    private async Task<ContractResponse> UpdateAsync(ContractRequest request, Dictionary<string, string> p)
    {
        var status = p.GetValueOrDefault("Status");
        if (string.IsNullOrEmpty(status)) return MissingMember("status");
        if (status != "Active" && status != "Inactive" && status != "Expired")
            return ValidationError($"Value '{status}' at 'status' failed to satisfy constraint: " +
                                   "Member must satisfy enum value set: [Active, Inactive, Expired]");
        var (credential, error) = await FindAsync(request, p);
        if (error != null) return error;
        lock (_gate) credential.Status = status;
        return Success("UpdateServiceSpecificCredential");
    }

    /// <summary>
    /// IAM refuses to delete a user that still has "Git credentials (DeleteServiceSpecificCredential)" (DeleteUser,
    /// DeleteConflict 409). moto cannot know about them, so the host says so; otherwise DeleteUser goes to moto.
    /// </summary>
    private ContractResponse DeleteUserConflict(ContractRequest request, Dictionary<string, string> p)
    {
        var userName = p.GetValueOrDefault("UserName");
        if (userName == null) return null;
        var account = request.Scope.AccountId;
        bool hasCredentials;
        lock (_gate) hasCredentials = _credentials.Any(c => c.Account == account && c.UserName == userName);
        return hasCredentials
            ? Error(409, "DeleteConflict", "Cannot delete entity, must remove service specific credentials first.")
            : null;
    }

    /// <summary>The credential named by ServiceSpecificCredentialId (and UserName, or the caller, as its owner).</summary>
    private async Task<(Credential, ContractResponse)> FindAsync(ContractRequest request, Dictionary<string, string> p)
    {
        var userName = p.GetValueOrDefault("UserName");
        var id = p.GetValueOrDefault("ServiceSpecificCredentialId");
        if (Invalid(userName, "userName", required: false, UserNamePattern, @"[\w+=,.@-]+") is { } e1) return (null, e1);
        if (Invalid(id, "serviceSpecificCredentialId", required: true, CredentialIdPattern, @"[\w]+") is { } e2) return (null, e2);

        var (user, missing) = await ResolveUserAsync(request, userName);
        if (missing != null) return (null, missing);

        var account = request.Scope.AccountId;
        lock (_gate)
        {
            var found = _credentials.FirstOrDefault(c => c.Account == account && c.Id == id && c.UserName == user);
            return found != null
                ? (found, null)
                : (null, Error(404, "NoSuchEntity", $"The Service Specific Credential with id {id} cannot be found."));
        }
    }

    /// <summary>
    /// Asks moto (IAM GetUser) whether the user exists, or who the caller is when no user name is given.
    /// Returns the user name, or the error response to send.
    /// </summary>
    private async Task<(string, ContractResponse)> ResolveUserAsync(ContractRequest request, string userName)
    {
        var query = new Dictionary<string, string> { ["Action"] = "GetUser", ["Version"] = "2010-05-08" };
        if (userName != null) query["UserName"] = userName;
        var answer = await _upstream.QueryAsync(request, query);
        if (answer.Status == 404)
            return (null, Error(404, "NoSuchEntity", $"The user with name {userName} cannot be found."));
        if (!answer.IsSuccess) return (null, answer.AsResponse());
        if (userName != null) return (userName, null);
        var name = XDocument.Parse(Encoding.UTF8.GetString(answer.Body)).Descendants()
            .FirstOrDefault(e => e.Name.LocalName == "UserName")?.Value;
        return (name, null);
    }

    private static void NewSecret(Credential credential)
    {
        // CodeCommit's generated Git passwords are 44 base64 characters (32 random bytes); Bedrock API keys are
        // longer and begin "ABSK". Callers must treat both as opaque.
        if (credential.ServiceCredentialAlias != null)
            credential.ServiceCredentialSecret = "ABSK" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        else
            credential.ServicePassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>ServiceSpecificCredential, members in the service model's order; the secret is included.</summary>
    private static XElement FullCredential(Credential c) =>
        new(Ns + "ServiceSpecificCredential",
            new XElement(Ns + "CreateDate", Iso(c.CreateDate)),
            c.ExpirationDate.HasValue ? new XElement(Ns + "ExpirationDate", Iso(c.ExpirationDate.Value)) : null,
            new XElement(Ns + "ServiceName", c.ServiceName),
            c.ServiceUserName != null ? new XElement(Ns + "ServiceUserName", c.ServiceUserName) : null,
            c.ServicePassword != null ? new XElement(Ns + "ServicePassword", c.ServicePassword) : null,
            c.ServiceCredentialAlias != null ? new XElement(Ns + "ServiceCredentialAlias", c.ServiceCredentialAlias) : null,
            c.ServiceCredentialSecret != null ? new XElement(Ns + "ServiceCredentialSecret", c.ServiceCredentialSecret) : null,
            new XElement(Ns + "ServiceSpecificCredentialId", c.Id),
            new XElement(Ns + "UserName", c.UserName),
            new XElement(Ns + "Status", c.CurrentStatus()));

    /// <summary>ServiceSpecificCredentialMetadata: no password or secret, which IAM shows only once.</summary>
    private static IEnumerable<XElement> Metadata(Credential c)
    {
        yield return new XElement(Ns + "UserName", c.UserName);
        yield return new XElement(Ns + "Status", c.CurrentStatus());
        if (c.ServiceUserName != null) yield return new XElement(Ns + "ServiceUserName", c.ServiceUserName);
        if (c.ServiceCredentialAlias != null) yield return new XElement(Ns + "ServiceCredentialAlias", c.ServiceCredentialAlias);
        yield return new XElement(Ns + "CreateDate", Iso(c.CreateDate));
        if (c.ExpirationDate.HasValue) yield return new XElement(Ns + "ExpirationDate", Iso(c.ExpirationDate.Value));
        yield return new XElement(Ns + "ServiceSpecificCredentialId", c.Id);
        yield return new XElement(Ns + "ServiceName", c.ServiceName);
    }

    /// <summary>
    /// <c>&lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;…</c>; an action without
    /// output (Delete, Update) has no Result element at all, as IAM answers it.
    /// </summary>
    private static ContractResponse Success(string action, params object[] result)
    {
        var requestId = RequestIds.New();
        var root = new XElement(Ns + action + "Response",
            result.Length > 0 ? new XElement(Ns + action + "Result", result) : null,
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", requestId)));
        return Xml(200, root, requestId);
    }

    /// <summary>IAM's error document (query protocol, "Sender" faults, RequestId beside Error).</summary>
    private static ContractResponse Error(int status, string code, string message)
    {
        var requestId = RequestIds.New();
        var root = new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error",
                new XElement(Ns + "Type", "Sender"),
                new XElement(Ns + "Code", code),
                new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", requestId));
        return Xml(status, root, requestId);
    }

    private static ContractResponse ValidationError(string detail) =>
        Error(400, "ValidationError", "1 validation error detected: " + detail);

    private static ContractResponse MissingMember(string member) =>
        ValidationError($"Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static ContractResponse Invalid(string value, string member, bool required, Regex pattern, string patternText)
    {
        if (value == null) return required ? MissingMember(member) : null;
        return pattern.IsMatch(value)
            ? null
            : ValidationError($"Value '{value}' at '{member}' failed to satisfy constraint: " +
                              $"Member must satisfy regular expression pattern: {patternText}");
    }

    private static ContractResponse Xml(int status, XElement root, string requestId)
    {
        var response = new ContractResponse
        {
            Status = status,
            ContentType = "text/xml",
            Body = Encoding.UTF8.GetBytes(root.ToString(SaveOptions.DisableFormatting)),
        };
        response.Headers["x-amzn-RequestId"] = requestId;
        return response;
    }

    // IAM writes timestamps as ISO 8601 in UTC with whole seconds, e.g. 2024-05-01T12:34:56Z.
    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private static string RandomUpperAlnum(int length) =>
        new(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length));

    // The marker is opaque to callers; an offset is enough for an in-memory list.
    private static string EncodeMarker(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset));

    private static bool TryDecodeMarker(string marker, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                   && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed class Credential
    {
        public string Account { get; init; }
        public string Id { get; init; }
        public string UserName { get; init; }
        public string ServiceName { get; init; }
        public DateTime CreateDate { get; init; }
        public DateTime? ExpirationDate { get; init; }
        public string ServiceUserName { get; set; }
        public string ServicePassword { get; set; }
        public string ServiceCredentialAlias { get; set; }
        public string ServiceCredentialSecret { get; set; }
        public string Status { get; set; }

        // An expiring API key reports Expired once its time is up, whatever it was set to.
        public string CurrentStatus() =>
            ExpirationDate.HasValue && ExpirationDate.Value <= DateTime.UtcNow ? "Expired" : Status;
    }
}
