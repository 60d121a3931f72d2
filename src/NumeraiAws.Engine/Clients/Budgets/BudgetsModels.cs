using System;
using System.Globalization;

namespace NumeraiAws.Engine.Clients.Budgets
{
    /// <summary>One AWS budget, as DescribeBudget(s) return it (the members the module reads).</summary>
    public sealed class BudgetDescription
    {
        public string BudgetName { get; set; }
        /// <summary>COST, USAGE, RI_UTILIZATION, RI_COVERAGE, SAVINGS_PLANS_UTILIZATION or SAVINGS_PLANS_COVERAGE.</summary>
        public string BudgetType { get; set; }
        /// <summary>DAILY, MONTHLY, QUARTERLY, ANNUALLY or CUSTOM.</summary>
        public string TimeUnit { get; set; }
        /// <summary>The limit as AWS wrote it (a decimal string such as "50.0"); null for budgets without one.</summary>
        public string LimitAmount { get; set; }
        public string LimitUnit { get; set; }
        public DateTime? LastUpdatedTime { get; set; }

        /// <summary>The limit as a number, or null when absent or unreadable.</summary>
        public decimal? Limit =>
            decimal.TryParse(LimitAmount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : (decimal?)null;

        public override string ToString() => $"{BudgetName} ({BudgetType} {TimeUnit} {LimitAmount} {LimitUnit})";
    }

    /// <summary>
    /// A budget notification: when it fires (ACTUAL or FORECASTED spend, compared with a threshold). AWS identifies a
    /// notification by these values; there is no id.
    /// </summary>
    public sealed class BudgetNotification
    {
        /// <summary>ACTUAL or FORECASTED.</summary>
        public string NotificationType { get; set; }
        /// <summary>GREATER_THAN, LESS_THAN or EQUAL_TO.</summary>
        public string ComparisonOperator { get; set; }
        public double Threshold { get; set; }
        /// <summary>PERCENTAGE (AWS's default when absent) or ABSOLUTE_VALUE.</summary>
        public string ThresholdType { get; set; }
        /// <summary>OK or ALARM; read only.</summary>
        public string NotificationState { get; set; }

        /// <summary>Same trigger: type, comparison, threshold and threshold type (an absent type is PERCENTAGE).</summary>
        public bool SameTriggerAs(BudgetNotification other) =>
            other != null
            && string.Equals(NotificationType, other.NotificationType, StringComparison.Ordinal)
            && string.Equals(ComparisonOperator, other.ComparisonOperator, StringComparison.Ordinal)
            && Math.Abs(Threshold - other.Threshold) < 1e-9
            && string.Equals(ThresholdType ?? "PERCENTAGE", other.ThresholdType ?? "PERCENTAGE", StringComparison.Ordinal);

        public override string ToString() =>
            $"{NotificationType} {ComparisonOperator} {Threshold.ToString(CultureInfo.InvariantCulture)}{((ThresholdType ?? "PERCENTAGE") == "PERCENTAGE" ? "%" : " " + ThresholdType)}";
    }

    /// <summary>Who a notification goes to: an EMAIL address or an SNS topic ARN.</summary>
    public sealed class BudgetSubscriber
    {
        public BudgetSubscriber() { }
        public BudgetSubscriber(string subscriptionType, string address) { SubscriptionType = subscriptionType; Address = address; }

        /// <summary>EMAIL or SNS.</summary>
        public string SubscriptionType { get; set; }
        public string Address { get; set; }

        public override string ToString() => $"{SubscriptionType}:{Address}";
    }
}
