using System.Linq;
using System.Text.Json;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Budgets
{
    /// <summary>Pure parsers of AWS Budgets' JSON responses.</summary>
    internal static class BudgetsResponses
    {
        public static BudgetDescription Budget(JsonElement budget)
        {
            var limit = JsonValues.Object(budget, "BudgetLimit");
            return new BudgetDescription
            {
                BudgetName = JsonValues.String(budget, "BudgetName"),
                BudgetType = JsonValues.String(budget, "BudgetType"),
                TimeUnit = JsonValues.String(budget, "TimeUnit"),
                LimitAmount = JsonValues.String(limit, "Amount"),
                LimitUnit = JsonValues.String(limit, "Unit"),
                LastUpdatedTime = JsonValues.Timestamp(budget, "LastUpdatedTime"),
            };
        }

        /// <summary>DescribeBudget answers {"Budget": {...}}.</summary>
        public static BudgetDescription DescribeBudget(JsonElement response)
        {
            var budget = JsonBody.Property(response, "Budget");
            return budget == null ? null : Budget(budget.Value);
        }

        public static Page<BudgetDescription> BudgetsPage(JsonElement response) =>
            new Page<BudgetDescription>(JsonValues.Objects(response, "Budgets").Select(Budget).ToList(), NextToken(response));

        public static BudgetNotification Notification(JsonElement notification) => new BudgetNotification
        {
            NotificationType = JsonValues.String(notification, "NotificationType"),
            ComparisonOperator = JsonValues.String(notification, "ComparisonOperator"),
            Threshold = JsonBody.Property(notification, "Threshold") is JsonElement t && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0,
            ThresholdType = JsonValues.String(notification, "ThresholdType"),
            NotificationState = JsonValues.String(notification, "NotificationState"),
        };

        public static Page<BudgetNotification> NotificationsPage(JsonElement response) =>
            new Page<BudgetNotification>(JsonValues.Objects(response, "Notifications").Select(Notification).ToList(), NextToken(response));

        public static Page<BudgetSubscriber> SubscribersPage(JsonElement response) =>
            new Page<BudgetSubscriber>(JsonValues.Objects(response, "Subscribers")
                .Select(s => new BudgetSubscriber(JsonValues.String(s, "SubscriptionType"), JsonValues.String(s, "Address"))).ToList(),
                NextToken(response));

        // The API writes NextToken; moto writes "nextToken" (and null) on DescribeBudgets.
        private static string NextToken(JsonElement response) =>
            JsonValues.String(response, "NextToken") ?? JsonValues.String(response, "nextToken");
    }
}
