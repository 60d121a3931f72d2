namespace NumeraiAws.Engine.Model
{
    /// <summary>A user profile of the Numerai Studio domain: the output of New-NumeraiStudioUser.</summary>
    public sealed class NumeraiStudioUser
    {
        public string DomainId { get; set; }
        public string UserProfileName { get; set; }
        public string UserProfileArn { get; set; }
        /// <summary>As AWS spells it: Pending, InService, Failed, ...</summary>
        public string Status { get; set; }
        /// <summary>True when this run created the profile.</summary>
        public bool Created { get; set; }
    }
}
