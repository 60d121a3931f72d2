using System;
using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Setup.Identity;
using Xunit;

namespace NumeraiAws.Engine.Tests.Setup
{
    public sealed class BucketAccessPolicyTests
    {
        [Fact]
        public void GrantsExactlyTheAnalystsActionsOnTheBucketAndItsObjects()
        {
            Assert.Equal(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" +
                "{\"Sid\":\"ListTheNumeraiBucket\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetBucketLocation\",\"s3:ListBucket\",\"s3:ListBucketMultipartUploads\"],\"Resource\":\"arn:aws:s3:::numerai-data\"}," +
                "{\"Sid\":\"ReadWriteNumeraiObjects\",\"Effect\":\"Allow\",\"Action\":[\"s3:AbortMultipartUpload\",\"s3:DeleteObject\",\"s3:GetObject\",\"s3:ListMultipartUploadParts\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::numerai-data/*\"}]}",
                BucketAccessPolicyDocument.For("aws", "numerai-data"));
        }

        [Theory]
        [InlineData("aws-cn", "arn:aws-cn:s3:::numerai-data")]
        [InlineData("aws-us-gov", "arn:aws-us-gov:s3:::numerai-data")]
        public void UsesThePartitionInResourceArns(string partition, string bucketArn)
        {
            var document = BucketAccessPolicyDocument.For(partition, "numerai-data");
            Assert.Contains($"\"Resource\":\"{bucketArn}\"", document);
            Assert.Contains($"\"Resource\":\"{bucketArn}/*\"", document);
            Assert.DoesNotContain("arn:aws:", document);
        }

        [Fact]
        public void SameMeaningInAnotherShapeIsEquivalent()
        {
            var ours = BucketAccessPolicyDocument.For("aws", "numerai-data");
            var reshaped = @"{
              ""Statement"": [
                { ""Resource"": [""arn:aws:s3:::numerai-data/*""], ""Effect"": ""Allow"", ""Sid"": ""ReadWriteNumeraiObjects"",
                  ""Action"": [""s3:putobject"", ""s3:GetObject"", ""s3:ListMultipartUploadParts"", ""s3:DeleteObject"", ""s3:AbortMultipartUpload"", ""s3:GetObject""] },
                { ""Sid"": ""ListTheNumeraiBucket"", ""Effect"": ""Allow"", ""Resource"": ""arn:aws:s3:::numerai-data"",
                  ""Action"": [""s3:ListBucketMultipartUploads"", ""s3:ListBucket"", ""s3:GetBucketLocation""] }
              ],
              ""Version"": ""2012-10-17""
            }";
            Assert.True(PolicyDocuments.AreEquivalent(ours, reshaped));
            Assert.Equal(PolicyDocuments.Canonical(ours), PolicyDocuments.Canonical(reshaped));
        }

        [Fact]
        public void SingleStatementAndSingleActionEqualOneElementLists()
        {
            Assert.True(PolicyDocuments.AreEquivalent(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::b/*\"]}]}"));
        }

        [Theory]
        [InlineData("numerai-other", null)]                       // another bucket
        [InlineData("numerai-data", "s3:PutObjectAcl")]           // one more action
        public void DifferentMeaningIsNotEquivalent(string bucket, string extraAction)
        {
            var ours = BucketAccessPolicyDocument.For("aws", "numerai-data");
            var other = BucketAccessPolicyDocument.For("aws", bucket);
            if (extraAction != null) other = other.Replace("\"s3:PutObject\"]", $"\"s3:PutObject\",\"{extraAction}\"]");
            Assert.False(PolicyDocuments.AreEquivalent(ours, other));
        }

        [Fact]
        public void DenyIsNotAllowAndResourceCaseMatters()
        {
            var allow = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
            Assert.False(PolicyDocuments.AreEquivalent(allow, allow.Replace("Allow", "Deny")));
            Assert.False(PolicyDocuments.AreEquivalent(allow, allow.Replace("b/*", "B/*")));
        }

        [Fact]
        public void WhatIsNotJsonEqualsNothing()
        {
            Assert.False(PolicyDocuments.AreEquivalent("not json", BucketAccessPolicyDocument.For("aws", "b-b")));
            Assert.False(PolicyDocuments.AreEquivalent(null, BucketAccessPolicyDocument.For("aws", "b-b")));
        }

        [Fact]
        public void PrunesTheOldestNonDefaultVersion()
        {
            var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var versions = new List<IamPolicyVersion>
            {
                new IamPolicyVersion { VersionId = "v1", IsDefaultVersion = true, CreateDate = day },
                new IamPolicyVersion { VersionId = "v10", CreateDate = day.AddDays(1) },
                new IamPolicyVersion { VersionId = "v9", CreateDate = day.AddDays(1) },
                new IamPolicyVersion { VersionId = "v11", CreateDate = day.AddDays(2) },
            };
            Assert.Equal("v9", BucketPolicyService.OldestNonDefault(versions).VersionId);
            Assert.Null(BucketPolicyService.OldestNonDefault(versions.Take(1)));
        }

        [Theory]
        [InlineData("aws", "123456789012", null, "https://123456789012.signin.aws.amazon.com/console")]
        [InlineData("aws", "123456789012", "numerai-lab", "https://numerai-lab.signin.aws.amazon.com/console")]
        [InlineData("aws-cn", "123456789012", null, "https://123456789012.signin.amazonaws.cn/console")]
        [InlineData("aws-us-gov", "123456789012", "gov-lab", "https://gov-lab.signin.amazonaws-us-gov.com/console")]
        public void SignInUrlPerPartition(string partition, string account, string alias, string expected) =>
            Assert.Equal(expected, ConsoleSignIn.Url(partition, account, alias));

        [Fact]
        public void AnalystGroupGetsSageMakerCodeCommitAndThePolicyInThePartition()
        {
            var request = new AnalystGroupRequest
            {
                PolicyArn = "arn:aws-cn:iam::123456789012:policy/numerai/numerai-s3-bucket-access",
                AdditionalPolicyArns = new[] { "arn:aws-cn:iam::aws:policy/ReadOnlyAccess" },
            };
            Assert.Equal(new[]
            {
                "arn:aws-cn:iam::aws:policy/AmazonSageMakerFullAccess",
                "arn:aws-cn:iam::aws:policy/AWSCodeCommitPowerUser",
                "arn:aws-cn:iam::123456789012:policy/numerai/numerai-s3-bucket-access",
                "arn:aws-cn:iam::aws:policy/ReadOnlyAccess",
            }, request.GroupRequest("aws-cn").PolicyArns.ToArray());
        }
    }
}
