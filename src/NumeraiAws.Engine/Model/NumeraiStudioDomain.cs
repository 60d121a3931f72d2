using System;

namespace NumeraiAws.Engine.Model
{
    /// <summary>
    /// The SageMaker Studio domain of the Numerai environment: the output of New-NumeraiStudioDomain. DomainId is
    /// what New-NumeraiStudioUser binds by name.
    /// </summary>
    public sealed class NumeraiStudioDomain
    {
        public string DomainId { get; set; }
        public string DomainName { get; set; }
        public string DomainArn { get; set; }
        /// <summary>As AWS spells it: Pending, InService, Updating, Failed, Update_Failed, ...</summary>
        public string Status { get; set; }
        /// <summary>The domain's default execution role (what its user profiles run as).</summary>
        public string ExecutionRoleArn { get; set; }
        public string AuthMode { get; set; }
        public string VpcId { get; set; }
        public string[] SubnetIds { get; set; } = Array.Empty<string>();
        /// <summary>The Studio URL (sign-in goes through the console or a presigned URL, not this address directly).</summary>
        public string Url { get; set; }
        /// <summary>True when this run created the domain.</summary>
        public bool Created { get; set; }
    }
}
