using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NumeraiAws.ContractHost;

/// <summary>
/// SageMaker Studio user profiles, which moto 5.2.1 does not implement. Shapes follow the SageMaker API
/// reference and service model (sagemaker-2017-07-24, JSON 1.1): CreateUserProfile, DescribeUserProfile,
/// ListUserProfiles, DeleteUserProfile. Domains live in moto; this class keeps only the profiles, in memory.
/// </summary>
internal sealed class SageMakerUserProfiles
{
    private static readonly Regex DomainIdPattern = new(@"^d-(-*[a-z0-9]){1,61}$", RegexOptions.CultureInvariant);
    private static readonly Regex ProfileNamePattern = new(@"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", RegexOptions.CultureInvariant);

    // "The default value for MaxResults is 10"; "The default is Ascending"; "The default is CreationTime".
    private const int DefaultMaxResults = 10;

    private readonly Upstream _upstream;
    private readonly CallLog _calls;
    private readonly object _gate = new();
    private readonly List<Profile> _profiles = new();
    private string _failNextReason;
    private long _nextEfsUid = 200001;

    public SageMakerUserProfiles(Upstream upstream, CallLog calls)
    {
        _upstream = upstream;
        _calls = calls;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _profiles.Clear();
            _failNextReason = null;
            _nextEfsUid = 200001;
        }
    }

    /// <summary>
    /// Makes the next profile created end in Status "Failed" with this FailureReason, instead of "InService",
    /// so that callers' handling of a failed creation can be tested.
    /// </summary>
    public void FailNext(string reason)
    {
        lock (_gate) _failNextReason = string.IsNullOrEmpty(reason) ? "User profile creation failed." : reason;
    }

    /// <summary>Answers the request if it is one of ours; null means "not ours, forward it to moto".</summary>
    public async Task<ContractResponse> TryHandleAsync(ContractRequest request)
    {
        var target = request.Http.Headers["X-Amz-Target"].ToString();
        const string prefix = "SageMaker.";
        if (!target.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var operation = target.Substring(prefix.Length);
        if (operation is not ("CreateUserProfile" or "DescribeUserProfile" or "ListUserProfiles" or "DeleteUserProfile" or "DeleteDomain"))
            return null;

        JsonObject input;
        try
        {
            input = request.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            input = null;
        }
        if (input == null)
            return Answered(operation, Error("SerializationException", "Start of structure or map found where not expected."));

        var response = operation switch
        {
            "CreateUserProfile" => await CreateAsync(request, input),
            "DescribeUserProfile" => Describe(request, input),
            "ListUserProfiles" => List(request, input),
            "DeleteUserProfile" => Delete(request, input),
            _ => DeleteDomainConflict(request, input),
        };
        return Answered(operation, response);
    }

    private ContractResponse Answered(string operation, ContractResponse response)
    {
        if (response != null) _calls.Record("sagemaker", operation);
        return response;
    }

    private async Task<ContractResponse> CreateAsync(ContractRequest request, JsonObject input)
    {
        var domainId = Text(input, "DomainId");
        var name = Text(input, "UserProfileName");
        if (ValidateKey(domainId, name) is { } invalid) return invalid;

        // The domain is moto's: ask it (DescribeDomain) rather than keep a second, possibly different, opinion.
        // moto answers an unknown domain with ValidationException; SageMaker's own answer is ResourceNotFound.
        var domain = await _upstream.JsonAsync(request, "SageMaker.DescribeDomain", new { DomainId = domainId });
        if (domain.Status is >= 400 and < 500)
            return Error("ResourceNotFound", $"Domain {domainId} not found.");
        if (!domain.IsSuccess) return domain.AsResponse();

        var scope = request.Scope;
        lock (_gate)
        {
            if (FindLocked(scope, domainId, name) != null)
                return Error("ResourceInUse", $"User profile {name} already exists in domain {domainId}.");

            var now = DateTimeOffset.UtcNow;
            var profile = new Profile
            {
                Account = scope.AccountId,
                Region = scope.Region,
                DomainId = domainId,
                Name = name,
                Arn = $"arn:{scope.Partition}:sagemaker:{scope.Region}:{scope.AccountId}:user-profile/{domainId}/{name}",
                HomeEfsFileSystemUid = (_nextEfsUid++).ToString(CultureInfo.InvariantCulture),
                CreationTime = now,
                LastModifiedTime = now,
                Status = "Pending",
                FailureReasonWhenSettled = _failNextReason,
                UserSettings = input["UserSettings"]?.DeepClone(),
                SingleSignOnUserIdentifier = Text(input, "SingleSignOnUserIdentifier"),
                SingleSignOnUserValue = Text(input, "SingleSignOnUserValue"),
            };
            _failNextReason = null;
            _profiles.Add(profile);
            return Json(new JsonObject { ["UserProfileArn"] = profile.Arn });
        }
    }

    private ContractResponse Describe(ContractRequest request, JsonObject input)
    {
        var domainId = Text(input, "DomainId");
        var name = Text(input, "UserProfileName");
        if (ValidateKey(domainId, name) is { } invalid) return invalid;
        lock (_gate)
        {
            var profile = FindLocked(request.Scope, domainId, name);
            if (profile == null) return NotFound(domainId, name);

            // Creation is asynchronous in SageMaker: the first Describe still sees Pending and a later one sees
            // the outcome, so a caller's wait loop runs at least once more.
            if (profile.Status == "Pending" && ++profile.DescribesWhilePending >= 2)
            {
                profile.Status = profile.FailureReasonWhenSettled == null ? "InService" : "Failed";
                profile.LastModifiedTime = DateTimeOffset.UtcNow;
            }

            var output = new JsonObject
            {
                ["DomainId"] = profile.DomainId,
                ["UserProfileArn"] = profile.Arn,
                ["UserProfileName"] = profile.Name,
                ["HomeEfsFileSystemUid"] = profile.HomeEfsFileSystemUid,
                ["Status"] = profile.Status,
                ["LastModifiedTime"] = Epoch(profile.LastModifiedTime),
                ["CreationTime"] = Epoch(profile.CreationTime),
            };
            if (profile.Status == "Failed") output["FailureReason"] = profile.FailureReasonWhenSettled;
            if (profile.SingleSignOnUserIdentifier != null) output["SingleSignOnUserIdentifier"] = profile.SingleSignOnUserIdentifier;
            if (profile.SingleSignOnUserValue != null) output["SingleSignOnUserValue"] = profile.SingleSignOnUserValue;
            if (profile.UserSettings != null) output["UserSettings"] = profile.UserSettings.DeepClone();
            return Json(output);
        }
    }

    private ContractResponse List(ContractRequest request, JsonObject input)
    {
        var domainId = Text(input, "DomainIdEquals");
        var contains = Text(input, "UserProfileNameContains");
        var sortBy = Text(input, "SortBy") ?? "CreationTime";
        var sortOrder = Text(input, "SortOrder") ?? "Ascending";
        if (sortBy is not ("CreationTime" or "LastModifiedTime"))
            return Validation($"Value '{sortBy}' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [CreationTime, LastModifiedTime]");
        if (sortOrder is not ("Ascending" or "Descending"))
            return Validation($"Value '{sortOrder}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]");

        var maxResults = DefaultMaxResults;
        if (input["MaxResults"] is JsonValue maxValue)
        {
            if (!maxValue.TryGetValue(out int max) || max < 1 || max > 100)
                return Validation($"Value '{maxValue.ToJsonString()}' at 'maxResults' failed to satisfy constraint: " +
                                  "Member must have value less than or equal to 100 and greater than or equal to 1");
            maxResults = max;
        }
        var start = 0;
        var token = Text(input, "NextToken");
        if (token != null && !TryDecodeToken(token, out start))
            return Validation("Invalid pagination token.");

        var scope = request.Scope;
        Profile[] matching;
        lock (_gate)
        {
            IEnumerable<Profile> query = _profiles.Where(p => p.Account == scope.AccountId && p.Region == scope.Region
                && (domainId == null || p.DomainId == domainId)
                && (contains == null || p.Name.Contains(contains, StringComparison.OrdinalIgnoreCase)));
            Func<Profile, DateTimeOffset> key = sortBy == "LastModifiedTime" ? p => p.LastModifiedTime : p => p.CreationTime;
            query = sortOrder == "Descending" ? query.OrderByDescending(key) : query.OrderBy(key);
            matching = query.ToArray();
        }

        var page = matching.Skip(start).Take(maxResults).ToArray();
        var output = new JsonObject
        {
            ["UserProfiles"] = new JsonArray(page.Select(p => (JsonNode)new JsonObject
            {
                ["DomainId"] = p.DomainId,
                ["UserProfileName"] = p.Name,
                ["Status"] = p.Status,
                ["CreationTime"] = Epoch(p.CreationTime),
                ["LastModifiedTime"] = Epoch(p.LastModifiedTime),
            }).ToArray()),
        };
        if (start + page.Length < matching.Length) output["NextToken"] = EncodeToken(start + page.Length);
        return Json(output);
    }

    private ContractResponse Delete(ContractRequest request, JsonObject input)
    {
        var domainId = Text(input, "DomainId");
        var name = Text(input, "UserProfileName");
        if (ValidateKey(domainId, name) is { } invalid) return invalid;
        lock (_gate)
        {
            var profile = FindLocked(request.Scope, domainId, name);
            if (profile == null) return NotFound(domainId, name);
            _profiles.Remove(profile);
        }
        return Json(new JsonObject());
    }

    /// <summary>
    /// SageMaker refuses to delete a domain that still has user profiles (DeleteDomain, ResourceInUse). moto
    /// cannot know about them, so the host says so; otherwise DeleteDomain goes to moto.
    /// </summary>
    private ContractResponse DeleteDomainConflict(ContractRequest request, JsonObject input)
    {
        var domainId = Text(input, "DomainId");
        if (domainId == null) return null;
        var scope = request.Scope;
        bool inUse;
        lock (_gate)
            inUse = _profiles.Any(p => p.Account == scope.AccountId && p.Region == scope.Region && p.DomainId == domainId);
        return inUse ? Error("ResourceInUse", $"Domain {domainId} has user profiles; delete them first.") : null;
    }

    private Profile FindLocked(SigV4Scope scope, string domainId, string name) =>
        _profiles.FirstOrDefault(p => p.Account == scope.AccountId && p.Region == scope.Region
                                      && p.DomainId == domainId && p.Name == name);

    private static ContractResponse ValidateKey(string domainId, string name)
    {
        if (domainId == null) return Validation("Value null at 'domainId' failed to satisfy constraint: Member must not be null");
        if (name == null) return Validation("Value null at 'userProfileName' failed to satisfy constraint: Member must not be null");
        if (!DomainIdPattern.IsMatch(domainId))
            return Validation($"Value '{domainId}' at 'domainId' failed to satisfy constraint: Member must satisfy regular expression pattern: d-(-*[a-z0-9]){{1,61}}");
        if (!ProfileNamePattern.IsMatch(name))
            return Validation($"Value '{name}' at 'userProfileName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){{0,62}}");
        return null;
    }

    private static ContractResponse NotFound(string domainId, string name) =>
        Error("ResourceNotFound", $"User profile {name} does not exist in domain {domainId}.");

    private static ContractResponse Validation(string detail) =>
        Error("ValidationException", "1 validation error detected: " + detail);

    /// <summary>
    /// A JSON 1.1 error: HTTP 400 (the model gives SageMaker's exceptions no other status), the code in both
    /// <c>__type</c> and <c>x-amzn-ErrorType</c>, the text in <c>Message</c>.
    /// </summary>
    private static ContractResponse Error(string code, string message)
    {
        var response = Json(new JsonObject { ["__type"] = code, ["Message"] = message }, status: 400);
        response.Headers["x-amzn-ErrorType"] = code;
        return response;
    }

    private static ContractResponse Json(JsonObject body, int status = 200)
    {
        var response = new ContractResponse
        {
            Status = status,
            ContentType = "application/x-amz-json-1.1",
            Body = Encoding.UTF8.GetBytes(body.ToJsonString()),
        };
        response.Headers["x-amzn-RequestId"] = RequestIds.New();
        return response;
    }

    private static string Text(JsonObject input, string member) =>
        input[member] is JsonValue value && value.TryGetValue(out string text) ? text : null;

    // JSON 1.1 timestamps are epoch seconds as a number; SageMaker sends milliseconds as the fraction.
    private static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    private static string EncodeToken(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset));

    private static bool TryDecodeToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                   && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed class Profile
    {
        public string Account { get; init; }
        public string Region { get; init; }
        public string DomainId { get; init; }
        public string Name { get; init; }
        public string Arn { get; init; }
        public string HomeEfsFileSystemUid { get; init; }
        public DateTimeOffset CreationTime { get; init; }
        public DateTimeOffset LastModifiedTime { get; set; }
        public string Status { get; set; }
        public int DescribesWhilePending { get; set; }
        public string FailureReasonWhenSettled { get; init; }
        public JsonNode UserSettings { get; init; }
        public string SingleSignOnUserIdentifier { get; init; }
        public string SingleSignOnUserValue { get; init; }
    }
}
