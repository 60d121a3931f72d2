using System.IO;
using System.Text;
using System.Text.Json;

namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>
    /// The identity policy an analyst needs on the Numerai data bucket, and nothing beyond it: list the bucket and
    /// its unfinished uploads, and read, write and delete its objects (including multipart uploads of large
    /// datasets). No s3:* wildcard, no other bucket, no bucket configuration.
    /// </summary>
    public static class BucketAccessPolicyDocument
    {
        public static readonly string[] BucketActions =
        {
            "s3:GetBucketLocation",
            "s3:ListBucket",
            "s3:ListBucketMultipartUploads",
        };

        public static readonly string[] ObjectActions =
        {
            "s3:AbortMultipartUpload",
            "s3:DeleteObject",
            "s3:GetObject",
            "s3:ListMultipartUploadParts",
            "s3:PutObject",
        };

        public static string BucketArn(string partition, string bucketName) => $"arn:{partition}:s3:::{bucketName}";

        /// <summary>The policy JSON for <paramref name="bucketName"/> in <paramref name="partition"/> (aws, aws-cn, aws-us-gov).</summary>
        public static string For(string partition, string bucketName)
        {
            var bucketArn = BucketArn(partition, bucketName);
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("Version", "2012-10-17");
                    writer.WriteStartArray("Statement");
                    Statement(writer, "ListTheNumeraiBucket", BucketActions, bucketArn);
                    Statement(writer, "ReadWriteNumeraiObjects", ObjectActions, bucketArn + "/*");
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static void Statement(Utf8JsonWriter writer, string sid, string[] actions, string resource)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", sid);
            writer.WriteString("Effect", "Allow");
            writer.WriteStartArray("Action");
            foreach (var action in actions) writer.WriteStringValue(action);
            writer.WriteEndArray();
            writer.WriteString("Resource", resource);
            writer.WriteEndObject();
        }
    }
}
