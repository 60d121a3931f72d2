namespace NumeraiAws.Engine.Setup.Identity
{
    /// <summary>Where an IAM user signs in to the console of an account, in each partition.</summary>
    public static class ConsoleSignIn
    {
        /// <summary>
        /// https://ACCOUNT.signin.aws.amazon.com/console (aws), .signin.amazonaws.cn (aws-cn),
        /// .signin.amazonaws-us-gov.com (aws-us-gov); the account alias replaces the id when the account has one,
        /// as the IAM console shows it.
        /// </summary>
        public static string Url(string partition, string accountId, string accountAlias = null)
        {
            var account = string.IsNullOrEmpty(accountAlias) ? accountId : accountAlias;
            switch (partition)
            {
                case "aws-cn": return $"https://{account}.signin.amazonaws.cn/console";
                case "aws-us-gov": return $"https://{account}.signin.amazonaws-us-gov.com/console";
                default: return $"https://{account}.signin.aws.amazon.com/console";
            }
        }
    }
}
