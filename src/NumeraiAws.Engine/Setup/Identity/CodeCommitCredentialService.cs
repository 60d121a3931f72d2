using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>What New-NumeraiCodeCommitCredential asks for.</summary>
    public sealed class CodeCommitCredentialRequest
    {
        public string UserName { get; set; }
        /// <summary>Give an existing credential a new password instead of returning its metadata.</summary>
        public bool Reset { get; set; }
        /// <summary>With <see cref="Reset"/>: which credential, when the user has two.</summary>
        public string CredentialId { get; set; }
        /// <summary>Create another credential although the user has one (AWS allows two).</summary>
        public bool Additional { get; set; }
        /// <summary>The full path of the CSV file to write a new password to, or null.</summary>
        public string OutFile { get; set; }
        public bool Force { get; set; }

        private static readonly Regex CredentialIdShape = new Regex(@"^[A-Za-z0-9_]{20,128}$", RegexOptions.CultureInvariant);

        /// <summary>Checks the input, before any AWS call. (-OutFile is checked once it is known a password will be minted.)</summary>
        public void Validate()
        {
            IamNames.ValidateUserName(UserName);
            if (Reset && Additional)
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "ConflictingCredentialOptions",
                    "-Reset and -Additional cannot be used together.",
                    "Use -Reset to give an existing credential a new password, or -Additional to create a second one.");
            if (CredentialId != null && !Reset)
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "ConflictingCredentialOptions",
                    "-CredentialId chooses the credential to reset and is used only with -Reset.",
                    "Add -Reset to give that credential a new password, or leave out -CredentialId.");
            if (CredentialId != null && !CredentialIdShape.IsMatch(CredentialId))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidCredentialId",
                    $"'{CredentialId}' is not a service-specific credential id (20 to 128 letters, digits and underscores, e.g. ACCA...).",
                    "Pass the CredentialId shown by this command's output.", CredentialId);
        }
    }

    /// <summary>The credentials of one run, and what the caller should be warned about.</summary>
    public sealed class CodeCommitCredentialResult
    {
        public List<NumeraiCodeCommitCredential> Credentials { get; } = new List<NumeraiCodeCommitCredential>();
        public List<string> Warnings { get; } = new List<string>();
    }

    /// <summary>
    /// HTTPS Git credentials for CodeCommit (IAM service-specific credentials). AWS shows a password once, so a
    /// re-run never mints another one silently: it returns the existing credential's metadata and says how to get
    /// a new password (-Reset, or -Additional for a second credential; AWS allows two per user).
    /// </summary>
    public static class CodeCommitCredentialService
    {
        /// <summary>"You can have a maximum of two sets of service-specific credentials for each supported service per user."</summary>
        public const int MaxPerUser = 2;

        public static CodeCommitCredentialResult Ensure(AwsConnection connection, ISetupHost host, CodeCommitCredentialRequest request)
        {
            request.Validate();
            var iam = new IamClient(connection);
            var user = request.UserName;
            var service = NumeraiConventions.CodeCommitServiceName;
            var result = new CodeCommitCredentialResult();
            var createAction = "Create HTTPS Git credentials for AWS CodeCommit (AWS shows the password only once)";

            var existing = TryList(iam, user);
            var createApproved = false;
            if (existing == null)
            {
                // Either -WhatIf kept the previous command from creating the user (so there is nothing to read), or
                // the user was created a moment ago and IAM does not show it yet.
                if (!host.ShouldChange(user, createAction)) return result;
                createApproved = true;
                try
                {
                    existing = EventualConsistency.Retry(host, $"List the CodeCommit credentials of {user}",
                        () => iam.ListServiceSpecificCredentials(user, service).ToList(), EventualConsistency.IsNotYetVisible);
                }
                catch (AwsServiceException e) when (e.IsNotFound)
                {
                    throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "UserNotFound",
                        $"IAM kept answering {e.ErrorCode} for user '{user}': the user does not exist.",
                        "Create the user first (New-NumeraiAnalystUser, and pipe its output into this command) or pass -UserName with an existing user.",
                        user, e);
                }
            }
            existing = existing.OrderBy(c => c.CreateDate ?? DateTime.MaxValue).ToList();

            NumeraiCodeCommitCredential minted = null;
            if (request.Reset && existing.Count > 0)
            {
                var target = ResetTarget(existing, request);
                CheckOutFile(request);
                if (!host.ShouldChange(user, $"Reset the password of CodeCommit credential {target.ServiceSpecificCredentialId} (the current password stops working)"))
                    return result;
                minted = ToModel(iam.ResetServiceSpecificCredential(user, target.ServiceSpecificCredentialId), "Reset");
                host.Info($"Reset the password of CodeCommit credential {minted.CredentialId} of {user}.");
            }
            else if (existing.Count == 0 || request.Additional)
            {
                if (existing.Count >= MaxPerUser) throw Limit(user, existing);
                if (request.Reset) host.Info($"{user} has no CodeCommit credential to reset; creating one.");
                CheckOutFile(request);
                if (!createApproved && !host.ShouldChange(user, createAction)) return result;
                try
                {
                    // A blind retry of a create whose answer was lost would make a second credential. One that
                    // appeared since the list is that create's; its password went with the answer, so a reset gives
                    // it a new one instead.
                    var known = existing.Select(c => c.ServiceSpecificCredentialId).ToList();
                    minted = ToModel(UnsureWrite.Run(host, $"Creating CodeCommit credentials for {user}",
                        () => iam.CreateServiceSpecificCredential(user, service),
                        () =>
                        {
                            var appeared = iam.ListServiceSpecificCredentials(user, service)
                                .Where(c => !known.Contains(c.ServiceSpecificCredentialId))
                                .OrderBy(c => c.CreateDate ?? DateTime.MaxValue).FirstOrDefault();
                            return appeared == null ? null : iam.ResetServiceSpecificCredential(user, appeared.ServiceSpecificCredentialId);
                        }), "Created");
                }
                catch (AwsServiceException e) when (e.ErrorCode == "LimitExceeded")
                {
                    // Another credential appeared since the list (a concurrent run).
                    throw Limit(user, iam.ListServiceSpecificCredentials(user, service), e);
                }
                host.Info($"Created CodeCommit credential {minted.CredentialId} for {user} (Git user name {minted.ServiceUserName}).");
            }
            else
            {
                result.Credentials.AddRange(existing.Select(c => ToModel(c)));
                result.Warnings.Add(
                    $"'{user}' already has HTTPS Git credentials for CodeCommit ({string.Join(", ", existing.Select(c => c.ServiceSpecificCredentialId))}). " +
                    "AWS shows a password only once, when it is created, so it cannot be shown again. To get a new password, run again with " +
                    "-Reset (gives the existing credential a new password; the old one stops working) or -Additional (creates a second credential; AWS allows two per user).");
                if (request.OutFile != null)
                    result.Warnings.Add($"No new password this run, so -OutFile '{request.OutFile}' was not written.");
                return result;
            }

            if (request.OutFile != null)
            {
                try
                {
                    GitCredentialsFile.Write(request.OutFile, minted.ServiceUserName, minted.Password, request.Force);
                    minted.OutFile = request.OutFile;
                    host.Info($"Wrote the Git credentials of {user} to {request.OutFile} (readable by its owner only).");
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // The password exists only in this run's output now; losing it to a file error would waste it.
                    result.Warnings.Add($"Could not write -OutFile '{request.OutFile}': {e.Message} The password is in the Password property of the output; store it now, AWS will not show it again.");
                }
            }
            result.Credentials.Add(minted);
            return result;
        }

        // Before minting: a password that cannot be saved where asked should not be created at all.
        private static void CheckOutFile(CodeCommitCredentialRequest request)
        {
            if (request.OutFile != null) GitCredentialsFile.CheckTarget(request.OutFile, request.Force);
        }

        /// <summary>The user's CodeCommit credentials; null when IAM does not know the user (yet).</summary>
        private static List<IamServiceSpecificCredential> TryList(IamClient iam, string user)
        {
            try
            {
                return iam.ListServiceSpecificCredentials(user, NumeraiConventions.CodeCommitServiceName).ToList();
            }
            catch (AwsServiceException e) when (e.IsNotFound)
            {
                return null;
            }
        }

        private static IamServiceSpecificCredential ResetTarget(List<IamServiceSpecificCredential> existing, CodeCommitCredentialRequest request)
        {
            if (request.CredentialId != null)
            {
                var chosen = existing.FirstOrDefault(c => c.ServiceSpecificCredentialId == request.CredentialId);
                if (chosen != null) return chosen;
                throw new NumeraiAwsException(ErrorKind.ObjectNotFound, "CodeCommitCredentialNotFound",
                    $"'{request.UserName}' has no CodeCommit credential {request.CredentialId}; it has {Describe(existing)}.",
                    "Pass -CredentialId with one of these ids.", request.CredentialId);
            }
            if (existing.Count == 1) return existing[0];
            throw new NumeraiAwsException(ErrorKind.InvalidArgument, "CodeCommitCredentialAmbiguous",
                $"'{request.UserName}' has {existing.Count} CodeCommit credentials: {Describe(existing)}. -Reset does not guess which one to replace.",
                "Add -CredentialId with the id of the credential whose password to reset.", request.UserName);
        }

        private static NumeraiAwsException Limit(string user, IEnumerable<IamServiceSpecificCredential> existing, Exception inner = null) =>
            new NumeraiAwsException(ErrorKind.LimitsExceeded, "CodeCommitCredentialLimit",
                $"'{user}' already has {MaxPerUser} HTTPS Git credentials for CodeCommit, the most AWS allows: {Describe(existing)}. Nothing was created.",
                $"Use -Reset -CredentialId ID to give one of them a new password, or delete one that is no longer used " +
                $"(aws iam delete-service-specific-credential --user-name {user} --service-specific-credential-id ID) and run again.",
                user, inner);

        private static string Describe(IEnumerable<IamServiceSpecificCredential> credentials) =>
            string.Join(", ", credentials.Select(c =>
                $"{c.ServiceSpecificCredentialId} (created {c.CreateDate?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "?"}, {c.Status})"));

        private static NumeraiCodeCommitCredential ToModel(IamServiceSpecificCredential c, string change = null) => new NumeraiCodeCommitCredential
        {
            UserName = c.UserName,
            ServiceUserName = c.ServiceUserName,
            CredentialId = c.ServiceSpecificCredentialId,
            Status = c.Status,
            CreateDate = c.CreateDate,
            Password = c.ServicePassword,
            Changed = change == null ? new string[0] : new[] { change },
        };
    }
}
