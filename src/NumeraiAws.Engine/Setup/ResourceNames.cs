using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NumeraiAws.Engine.Clients.Iam;
using NumeraiAws.Engine.Clients.SageMaker;
using NumeraiAws.Engine.Connection;

namespace NumeraiAws.Engine.Setup
{
    /// <summary>Names of existing resources, for tab completion of the parameters that name them.</summary>
    public static class ResourceNames
    {
        public static IReadOnlyList<string> Buckets(AwsConnection connection, CancellationToken cancellation) =>
            Bucket.BucketService.ListNumeraiBucketNames(connection, cancellation);

        /// <summary>IAM groups under the module's path: the ones a NumeraiAws user may be put in.</summary>
        public static IReadOnlyList<string> Groups(AwsConnection connection, CancellationToken cancellation) =>
            new IamClient(connection).ListGroups(NumeraiConventions.IamPath)
                .Where(g => g.Path == NumeraiConventions.IamPath).Select(g => g.GroupName).ToList();

        public static IReadOnlyList<string> StudioDomainIds(AwsConnection connection, CancellationToken cancellation) =>
            new SageMakerClient(connection).ListDomains().Select(d => d.DomainId).ToList();
    }
}
