using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NumeraiAws.Engine.Clients.Budgets
{
    /// <summary>
    /// The AWS Budgets (JSON 1.1, target prefix AWSBudgetServiceGateway, API version 2016-10-20) requests the module
    /// sends, as pure builders per the AWS Budgets API reference. Every operation names the account.
    /// </summary>
    internal static class BudgetsRequests
    {
        public static JsonOperation DescribeBudget(string accountId, string budgetName) =>
            new JsonOperation("DescribeBudget", false, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["BudgetName"] = Require.NotEmpty(budgetName, nameof(budgetName)),
            });

        public static JsonOperation DescribeBudgets(string accountId, string nextToken, int? maxResults = null) =>
            new JsonOperation("DescribeBudgets", false, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["MaxResults"] = maxResults,
                ["NextToken"] = nextToken,
            });

        public static JsonOperation DescribeNotificationsForBudget(string accountId, string budgetName, string nextToken, int? maxResults = null) =>
            new JsonOperation("DescribeNotificationsForBudget", false, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["BudgetName"] = Require.NotEmpty(budgetName, nameof(budgetName)),
                ["MaxResults"] = maxResults,
                ["NextToken"] = nextToken,
            });

        public static JsonOperation DescribeSubscribersForNotification(string accountId, string budgetName, BudgetNotification notification,
            string nextToken, int? maxResults = null) =>
            new JsonOperation("DescribeSubscribersForNotification", false, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["BudgetName"] = Require.NotEmpty(budgetName, nameof(budgetName)),
                ["Notification"] = Notification(notification),
                ["MaxResults"] = maxResults,
                ["NextToken"] = nextToken,
            });

        /// <summary>A fixed monthly (or other) limit in USD, with its notifications and their subscribers in the same call.</summary>
        public static JsonOperation CreateBudget(string accountId, string budgetName, string budgetType, string timeUnit, decimal limitUsd,
            IEnumerable<KeyValuePair<BudgetNotification, IReadOnlyList<BudgetSubscriber>>> notifications) =>
            new JsonOperation("CreateBudget", true, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["Budget"] = Budget(budgetName, budgetType, timeUnit, limitUsd),
                ["NotificationsWithSubscribers"] = notifications?.Select(n => (object)new Dictionary<string, object>
                {
                    ["Notification"] = Notification(n.Key),
                    ["Subscribers"] = n.Value.Select(Subscriber).ToList(),
                }).ToList(),
            });

        /// <summary>UpdateBudget replaces the budget (all but its name and calculated spend) with NewBudget.</summary>
        public static JsonOperation UpdateBudget(string accountId, string budgetName, string budgetType, string timeUnit, decimal limitUsd) =>
            new JsonOperation("UpdateBudget", true, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["NewBudget"] = Budget(budgetName, budgetType, timeUnit, limitUsd),
            });

        public static JsonOperation CreateNotification(string accountId, string budgetName, BudgetNotification notification,
            IEnumerable<BudgetSubscriber> subscribers) =>
            new JsonOperation("CreateNotification", true, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["BudgetName"] = Require.NotEmpty(budgetName, nameof(budgetName)),
                ["Notification"] = Notification(notification),
                ["Subscribers"] = subscribers.Select(Subscriber).ToList(),
            });

        public static JsonOperation CreateSubscriber(string accountId, string budgetName, BudgetNotification notification, BudgetSubscriber subscriber) =>
            new JsonOperation("CreateSubscriber", true, new Dictionary<string, object>
            {
                ["AccountId"] = Require.NotEmpty(accountId, nameof(accountId)),
                ["BudgetName"] = Require.NotEmpty(budgetName, nameof(budgetName)),
                ["Notification"] = Notification(notification),
                ["Subscriber"] = Subscriber(subscriber),
            });

        private static Dictionary<string, object> Budget(string budgetName, string budgetType, string timeUnit, decimal limitUsd) =>
            new Dictionary<string, object>
            {
                ["BudgetName"] = Require.NotEmpty(budgetName, nameof(budgetName)),
                // Spend amounts are decimal strings on the wire ("NumericValue").
                ["BudgetLimit"] = new Dictionary<string, object>
                {
                    ["Amount"] = limitUsd.ToString("0.##", CultureInfo.InvariantCulture),
                    ["Unit"] = "USD",
                },
                ["TimeUnit"] = Require.NotEmpty(timeUnit, nameof(timeUnit)),
                ["BudgetType"] = Require.NotEmpty(budgetType, nameof(budgetType)),
            };

        // NotificationState is read-only; the trigger alone identifies the notification.
        private static Dictionary<string, object> Notification(BudgetNotification notification)
        {
            if (notification == null) throw new ArgumentNullException(nameof(notification));
            return new Dictionary<string, object>
            {
                ["NotificationType"] = Require.NotEmpty(notification.NotificationType, "NotificationType"),
                ["ComparisonOperator"] = Require.NotEmpty(notification.ComparisonOperator, "ComparisonOperator"),
                ["Threshold"] = notification.Threshold,
                ["ThresholdType"] = notification.ThresholdType,
            };
        }

        private static object Subscriber(BudgetSubscriber subscriber) => new Dictionary<string, object>
        {
            ["SubscriptionType"] = Require.NotEmpty(subscriber?.SubscriptionType, "SubscriptionType"),
            ["Address"] = Require.NotEmpty(subscriber.Address, "Address"),
        };
    }
}
