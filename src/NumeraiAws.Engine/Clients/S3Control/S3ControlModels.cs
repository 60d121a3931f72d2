namespace NumeraiAws.Engine.Clients.S3Control
{
    /// <summary>
    /// The four Block Public Access settings, as S3 Control (account level) and S3 (bucket level) both describe
    /// them. A setting AWS leaves out of a response is off.
    /// </summary>
    public sealed class PublicAccessBlockSettings
    {
        public bool BlockPublicAcls { get; set; }
        public bool IgnorePublicAcls { get; set; }
        public bool BlockPublicPolicy { get; set; }
        public bool RestrictPublicBuckets { get; set; }

        /// <summary>All four on: what CIS 2.1.4 and Security Hub S3.1/S3.8 ask for.</summary>
        public bool AllEnabled => BlockPublicAcls && IgnorePublicAcls && BlockPublicPolicy && RestrictPublicBuckets;

        /// <summary>The names of the settings that are off, for a finding's detail.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Disabled
        {
            get
            {
                var off = new System.Collections.Generic.List<string>();
                if (!BlockPublicAcls) off.Add(nameof(BlockPublicAcls));
                if (!IgnorePublicAcls) off.Add(nameof(IgnorePublicAcls));
                if (!BlockPublicPolicy) off.Add(nameof(BlockPublicPolicy));
                if (!RestrictPublicBuckets) off.Add(nameof(RestrictPublicBuckets));
                return off;
            }
        }

        public static PublicAccessBlockSettings AllOn() => new PublicAccessBlockSettings
        {
            BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true,
        };

        public override string ToString() => AllEnabled ? "all four on" : "off: " + string.Join(", ", Disabled);
    }
}
