using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NumeraiAws.Engine.Clients.SageMaker
{
    /// <summary>Pure parsers of SageMaker's JSON responses (PascalCase members, epoch-second timestamps).</summary>
    internal static class SageMakerResponses
    {
        public static SageMakerDomainCreated CreateDomain(JsonElement response)
        {
            var arn = JsonValues.String(response, "DomainArn");
            return new SageMakerDomainCreated
            {
                DomainArn = arn,
                // AWS returns DomainId, but emulators (moto) only return the ARN; the id is the ARN's last path
                // segment ("...:domain/d-xxxxxxxxxxxx"), so the caller always gets the id it needs for the next call.
                DomainId = JsonValues.String(response, "DomainId") ?? DomainIdFromArn(arn),
                Url = JsonValues.String(response, "Url"),
            };
        }

        public static SageMakerDomain Domain(JsonElement response)
        {
            var raw = JsonValues.String(response, "Status");
            return new SageMakerDomain
            {
                DomainId = JsonValues.String(response, "DomainId"),
                DomainArn = JsonValues.String(response, "DomainArn"),
                DomainName = JsonValues.String(response, "DomainName"),
                Status = Status(raw),
                RawStatus = raw,
                FailureReason = NullIfEmpty(JsonValues.String(response, "FailureReason")),
                AuthMode = JsonValues.String(response, "AuthMode"),
                VpcId = JsonValues.String(response, "VpcId"),
                SubnetIds = JsonValues.Strings(response, "SubnetIds"),
                DefaultExecutionRole = JsonValues.String(JsonValues.Object(response, "DefaultUserSettings"), "ExecutionRole"),
                Url = JsonValues.String(response, "Url"),
                HomeEfsFileSystemId = JsonValues.String(response, "HomeEfsFileSystemId"),
                CreationTime = JsonValues.Timestamp(response, "CreationTime"),
                LastModifiedTime = JsonValues.Timestamp(response, "LastModifiedTime"),
            };
        }

        public static Page<SageMakerDomainSummary> DomainsPage(JsonElement response) =>
            new Page<SageMakerDomainSummary>(JsonValues.Objects(response, "Domains").Select(d =>
            {
                var raw = JsonValues.String(d, "Status");
                return new SageMakerDomainSummary
                {
                    DomainId = JsonValues.String(d, "DomainId"),
                    DomainArn = JsonValues.String(d, "DomainArn"),
                    DomainName = JsonValues.String(d, "DomainName"),
                    Status = Status(raw),
                    RawStatus = raw,
                    Url = JsonValues.String(d, "Url"),
                    CreationTime = JsonValues.Timestamp(d, "CreationTime"),
                    LastModifiedTime = JsonValues.Timestamp(d, "LastModifiedTime"),
                };
            }).ToList(), JsonValues.String(response, "NextToken"));

        /// <summary>CreateUserProfile answers with the new profile's ARN only.</summary>
        public static string UserProfileArn(JsonElement response) => JsonValues.String(response, "UserProfileArn");

        public static SageMakerUserProfile UserProfile(JsonElement response)
        {
            var raw = JsonValues.String(response, "Status");
            return new SageMakerUserProfile
            {
                DomainId = JsonValues.String(response, "DomainId"),
                UserProfileArn = JsonValues.String(response, "UserProfileArn"),
                UserProfileName = JsonValues.String(response, "UserProfileName"),
                Status = Status(raw),
                RawStatus = raw,
                FailureReason = NullIfEmpty(JsonValues.String(response, "FailureReason")),
                ExecutionRole = JsonValues.String(JsonValues.Object(response, "UserSettings"), "ExecutionRole"),
                CreationTime = JsonValues.Timestamp(response, "CreationTime"),
                LastModifiedTime = JsonValues.Timestamp(response, "LastModifiedTime"),
            };
        }

        public static Page<SageMakerUserProfileSummary> UserProfilesPage(JsonElement response) =>
            new Page<SageMakerUserProfileSummary>(JsonValues.Objects(response, "UserProfiles").Select(p =>
            {
                var raw = JsonValues.String(p, "Status");
                return new SageMakerUserProfileSummary
                {
                    DomainId = JsonValues.String(p, "DomainId"),
                    UserProfileName = JsonValues.String(p, "UserProfileName"),
                    Status = Status(raw),
                    RawStatus = raw,
                    CreationTime = JsonValues.Timestamp(p, "CreationTime"),
                    LastModifiedTime = JsonValues.Timestamp(p, "LastModifiedTime"),
                };
            }).ToList(), JsonValues.String(response, "NextToken"));

        public static Page<KeyValuePair<string, string>> TagsPage(JsonElement response) =>
            new Page<KeyValuePair<string, string>>(JsonValues.Objects(response, "Tags")
                .Select(t => new KeyValuePair<string, string>(JsonValues.String(t, "Key"), JsonValues.String(t, "Value") ?? ""))
                .Where(t => t.Key != null)
                .ToList(), JsonValues.String(response, "NextToken"));

        public static SageMakerStatus Status(string raw)
        {
            switch (raw)
            {
                case "Pending": return SageMakerStatus.Pending;
                case "InService": return SageMakerStatus.InService;
                case "Updating": return SageMakerStatus.Updating;
                case "Deleting": return SageMakerStatus.Deleting;
                case "Failed": return SageMakerStatus.Failed;
                case "Update_Failed": return SageMakerStatus.UpdateFailed;
                case "Delete_Failed": return SageMakerStatus.DeleteFailed;
                default: return SageMakerStatus.Unknown;
            }
        }

        public static string DomainIdFromArn(string arn)
        {
            const string marker = ":domain/";
            var at = arn?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            return at < 0 ? null : arn.Substring(at + marker.Length);
        }

        // Services send "" for "no failure"; null lets callers test for a reason with a plain null check.
        private static string NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
