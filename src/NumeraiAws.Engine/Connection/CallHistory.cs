using System.Collections.Generic;

namespace NumeraiAws.Engine.Connection
{
    /// <summary>
    /// The session's record of AWS calls, newest last, bounded. Like AWS Tools' $AWSHistory: users see what a
    /// script did; tests and benchmarks count calls (and write calls) from it.
    /// </summary>
    public static class CallHistory
    {
        private const int Capacity = 10000;
        private static readonly LinkedList<AwsCallRecord> Records = new LinkedList<AwsCallRecord>();
        private static readonly object Gate = new object();

        public static void Add(AwsCallRecord record)
        {
            lock (Gate)
            {
                Records.AddLast(record);
                while (Records.Count > Capacity) Records.RemoveFirst();
            }
        }

        public static IReadOnlyList<AwsCallRecord> Snapshot()
        {
            lock (Gate) return new List<AwsCallRecord>(Records);
        }

        public static void Clear()
        {
            lock (Gate) Records.Clear();
        }
    }
}
