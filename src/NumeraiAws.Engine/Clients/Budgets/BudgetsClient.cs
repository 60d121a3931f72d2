using System.Collections.Generic;
using System.Text.Json;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;

namespace NumeraiAws.Engine.Clients.Budgets
{
    /// <summary>
    /// AWS Budgets on our own JSON 1.1 client. Budgets is global per partition (budgets.amazonaws.com, signed for
    /// us-east-1 in the aws partition), whatever -Region is. List methods follow every page.
    /// </summary>
    internal sealed class BudgetsClient
    {
        private readonly AwsConnection _connection;

        public BudgetsClient(AwsConnection connection)
        {
            _connection = connection;
        }

        /// <summary>The budget, or null when the account has none of that name (NotFoundException).</summary>
        public BudgetDescription TryDescribeBudget(string accountId, string budgetName)
        {
            try
            {
                return BudgetsResponses.DescribeBudget(Send(BudgetsRequests.DescribeBudget(accountId, budgetName)));
            }
            catch (AwsServiceException e) when (e.ErrorCode == "NotFoundException" || e.IsNotFound)
            {
                return null;
            }
        }

        public IReadOnlyList<BudgetDescription> DescribeBudgets(string accountId) =>
            Paging.All("Budgets", "DescribeBudgets", token => BudgetsResponses.BudgetsPage(Send(BudgetsRequests.DescribeBudgets(accountId, token, 100))));

        public IReadOnlyList<BudgetNotification> DescribeNotificationsForBudget(string accountId, string budgetName) =>
            Paging.All("Budgets", "DescribeNotificationsForBudget", token =>
                BudgetsResponses.NotificationsPage(Send(BudgetsRequests.DescribeNotificationsForBudget(accountId, budgetName, token, 100))));

        public IReadOnlyList<BudgetSubscriber> DescribeSubscribersForNotification(string accountId, string budgetName, BudgetNotification notification) =>
            Paging.All("Budgets", "DescribeSubscribersForNotification", token =>
                BudgetsResponses.SubscribersPage(Send(BudgetsRequests.DescribeSubscribersForNotification(accountId, budgetName, notification, token, 100))));

        public void CreateBudget(string accountId, string budgetName, string budgetType, string timeUnit, decimal limitUsd,
            IEnumerable<KeyValuePair<BudgetNotification, IReadOnlyList<BudgetSubscriber>>> notifications) =>
            Send(BudgetsRequests.CreateBudget(accountId, budgetName, budgetType, timeUnit, limitUsd, notifications));

        public void UpdateBudget(string accountId, string budgetName, string budgetType, string timeUnit, decimal limitUsd) =>
            Send(BudgetsRequests.UpdateBudget(accountId, budgetName, budgetType, timeUnit, limitUsd));

        public void CreateNotification(string accountId, string budgetName, BudgetNotification notification, IEnumerable<BudgetSubscriber> subscribers) =>
            Send(BudgetsRequests.CreateNotification(accountId, budgetName, notification, subscribers));

        public void CreateSubscriber(string accountId, string budgetName, BudgetNotification notification, BudgetSubscriber subscriber) =>
            Send(BudgetsRequests.CreateSubscriber(accountId, budgetName, notification, subscriber));

        private JsonElement Send(JsonOperation operation) => operation.SendOn(_connection, ServiceDescription.Budgets);
    }
}
