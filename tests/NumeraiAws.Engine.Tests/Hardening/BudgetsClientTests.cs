using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Clients.Budgets;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Protocol;
using NumeraiAws.Engine.Setup.Budget;
using Xunit;

namespace NumeraiAws.Engine.Tests.Hardening
{
    /// <summary>AWS Budgets: JSON 1.1 shapes, the global endpoint per partition, moto round trips, and New-NumeraiBudget's logic.</summary>
    public sealed class BudgetsClientTests
    {
        private static BudgetNotification Alert(string type, double threshold) =>
            new BudgetNotification { NotificationType = type, ComparisonOperator = "GREATER_THAN", Threshold = threshold, ThresholdType = "PERCENTAGE" };

        [Fact]
        public void CreateBudgetCarriesTheBudgetAndItsNotificationsWithSubscribers()
        {
            var operation = BudgetsRequests.CreateBudget("123456789012", "numerai-monthly-cost", "COST", "MONTHLY", 49.99m,
                new[] { new KeyValuePair<BudgetNotification, IReadOnlyList<BudgetSubscriber>>(Alert("ACTUAL", 80), new[] { new BudgetSubscriber("EMAIL", "a@example.com") }) });
            Assert.Equal(("CreateBudget", true), (operation.Name, operation.IsWrite));
            Assert.Equal(
                @"{""AccountId"":""123456789012"",""Budget"":{""BudgetName"":""numerai-monthly-cost"",""BudgetLimit"":{""Amount"":""49.99"",""Unit"":""USD""},""TimeUnit"":""MONTHLY"",""BudgetType"":""COST""}," +
                @"""NotificationsWithSubscribers"":[{""Notification"":{""NotificationType"":""ACTUAL"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":80,""ThresholdType"":""PERCENTAGE""},""Subscribers"":[{""SubscriptionType"":""EMAIL"",""Address"":""a@example.com""}]}]}",
                System.Text.Encoding.UTF8.GetString(JsonBody.Write(operation.Body)));
        }

        [Fact]
        public void TheNotificationStateIsNeverSentBack()
        {
            var notification = Alert("FORECASTED", 100);
            notification.NotificationState = "ALARM";
            var operation = BudgetsRequests.DescribeSubscribersForNotification("123456789012", "b", notification, null, 100);
            Assert.Equal(
                @"{""AccountId"":""123456789012"",""BudgetName"":""b"",""Notification"":{""NotificationType"":""FORECASTED"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":100,""ThresholdType"":""PERCENTAGE""},""MaxResults"":100}",
                System.Text.Encoding.UTF8.GetString(JsonBody.Write(operation.Body)));
        }

        [Theory]
        [InlineData("eu-west-1", "https://budgets.amazonaws.com", "us-east-1")]
        [InlineData("us-east-1", "https://budgets.amazonaws.com", "us-east-1")]
        [InlineData("cn-north-1", "https://budgets.amazonaws.com.cn", "cn-northwest-1")]
        public void BudgetsIsGlobalPerPartition(string region, string url, string signingRegion)
        {
            using var connection = AwsConnectionResolver.Resolve(new ConnectionRequest
            {
                Environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" },
                Region = region,
            }, null);
            var endpoint = connection.EndpointFor(ServiceDescription.Budgets);
            Assert.Equal((url, signingRegion, false), (endpoint.Url, endpoint.SigningRegion, endpoint.IsCustom));
        }

        [Fact]
        public void DescribeBudgetsIsJson11WithTheGatewayTargetSignedForUsEast1AndPages()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""Budgets"":[{""BudgetName"":""a"",""BudgetType"":""COST"",""TimeUnit"":""MONTHLY"",""BudgetLimit"":{""Amount"":""10.0"",""Unit"":""USD""},""LastUpdatedTime"":1700000000.5}],""NextToken"":""t1""}");
            stub.Ok(@"{""Budgets"":[{""BudgetName"":""b"",""BudgetType"":""USAGE"",""TimeUnit"":""DAILY""}]}");
            using var connection = stub.Connect("eu-central-1");

            var budgets = new BudgetsClient(connection).DescribeBudgets("123456789012");

            Assert.Equal(new[] { "a", "b" }, budgets.Select(b => b.BudgetName));
            Assert.Equal(10.0m, budgets[0].Limit);
            Assert.Equal(new System.DateTime(2023, 11, 14, 22, 13, 20, 500, System.DateTimeKind.Utc), budgets[0].LastUpdatedTime);
            Assert.Null(budgets[1].Limit);
            Assert.Equal(2, stub.Requests.Count);
            Assert.All(stub.Requests, r => Assert.Equal("AWSBudgetServiceGateway.DescribeBudgets", r.Target));
            Assert.Equal("application/x-amz-json-1.1", stub.Requests[0].ContentType);
            Assert.Contains("/us-east-1/budgets/aws4_request", stub.Requests[0].Authorization);
            Assert.Equal(@"{""AccountId"":""123456789012"",""MaxResults"":100,""NextToken"":""t1""}", stub.Requests[1].Body);
        }

        [Fact]
        public void RoundTripAgainstMoto()
        {
            using var moto = new MotoServer();
            using var connection = moto.Connect();
            var client = new BudgetsClient(connection);

            Assert.Null(client.TryDescribeBudget("123456789012", "numerai-monthly-cost"));
            client.CreateBudget("123456789012", "numerai-monthly-cost", "COST", "MONTHLY", 50m,
                BudgetService.Alerts.Select(a => new KeyValuePair<BudgetNotification, IReadOnlyList<BudgetSubscriber>>(a, new[] { new BudgetSubscriber("EMAIL", "a@example.com") })));

            var budget = client.TryDescribeBudget("123456789012", "numerai-monthly-cost");
            Assert.Equal(("COST", "MONTHLY", 50m, "USD"), (budget.BudgetType, budget.TimeUnit, budget.Limit.Value, budget.LimitUnit));
            Assert.Equal("numerai-monthly-cost", Assert.Single(client.DescribeBudgets("123456789012")).BudgetName);
            var notifications = client.DescribeNotificationsForBudget("123456789012", "numerai-monthly-cost");
            Assert.Equal(new[] { "ACTUAL GREATER_THAN 80%", "ACTUAL GREATER_THAN 100%", "FORECASTED GREATER_THAN 80%", "FORECASTED GREATER_THAN 100%" },
                notifications.Select(n => n.ToString()));
        }

        [Theory]
        [InlineData("0", "a@example.com", "InvalidBudgetLimit")]
        [InlineData("-5", "a@example.com", "InvalidBudgetLimit")]
        [InlineData("10.001", "a@example.com", "InvalidBudgetLimit")]
        [InlineData("1000000000.01", "a@example.com", "InvalidBudgetLimit")]
        [InlineData("10", "not-an-address", "InvalidEmailAddress")]
        [InlineData("10", "a@b", "InvalidEmailAddress")]
        [InlineData("10", "a b@example.com", "InvalidEmailAddress")]
        [InlineData("10", "a@example.com\nBcc: x@example.com", "InvalidEmailAddress")]
        [InlineData("10", "", "InvalidEmailAddress")]
        public void BadLimitsAndAddressesAreRefusedBeforeAnyCall(string limit, string email, string reason)
        {
            var error = Assert.Throws<NumeraiAwsException>(() => BudgetService.Validate(new BudgetRequest
            {
                LimitUsd = decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture), Email = email,
            }));
            Assert.Equal((reason, ErrorKind.InvalidArgument), (error.Reason, error.Kind));
            Assert.NotNull(error.RecommendedAction);
        }

        [Fact]
        public void AnExistingBudgetGetsTheNewLimitAndTheNewAddressOnAlertsThatLackIt()
        {
            using var stub = new StubAwsServer();
            stub.Ok(@"{""Budget"":{""BudgetName"":""numerai-monthly-cost"",""BudgetType"":""COST"",""TimeUnit"":""MONTHLY"",""BudgetLimit"":{""Amount"":""50.0"",""Unit"":""USD""}}}");
            stub.Ok("{}");   // UpdateBudget
            stub.Ok(@"{""Notifications"":[" +
                @"{""NotificationType"":""ACTUAL"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":80.0,""ThresholdType"":""PERCENTAGE"",""NotificationState"":""OK""}," +
                @"{""NotificationType"":""ACTUAL"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":100,""NotificationState"":""OK""}," +
                @"{""NotificationType"":""FORECASTED"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":80,""ThresholdType"":""PERCENTAGE""}," +
                @"{""NotificationType"":""ACTUAL"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":50,""ThresholdType"":""PERCENTAGE""}]}");
            stub.Ok(@"{""Subscribers"":[{""SubscriptionType"":""EMAIL"",""Address"":""NEW@example.com""}]}");   // ACTUAL 80: has it (any case)
            stub.Ok(@"{""Subscribers"":[{""SubscriptionType"":""EMAIL"",""Address"":""old@example.com""}]}");   // ACTUAL 100: lacks it
            stub.Ok("{}");   // CreateSubscriber
            stub.Ok(@"{""Subscribers"":[{""SubscriptionType"":""SNS"",""Address"":""arn:aws:sns:us-east-1:123456789012:t""}]}");   // FORECASTED 80
            stub.Ok("{}");   // CreateSubscriber
            stub.Ok("{}");   // CreateNotification FORECASTED 100
            using var connection = stub.Connect();
            var host = new RecordingSetupHost();

            var result = BudgetService.Ensure(connection, host, new BudgetRequest { LimitUsd = 75, Email = "new@example.com" }, "123456789012", out var declined);

            Assert.False(declined);
            Assert.Equal((false, true, 75m), (result.Created, result.Changed, result.LimitUsd));
            Assert.Equal(new[]
            {
                "DescribeBudget", "UpdateBudget", "DescribeNotificationsForBudget",
                "DescribeSubscribersForNotification", "DescribeSubscribersForNotification", "CreateSubscriber",
                "DescribeSubscribersForNotification", "CreateSubscriber", "CreateNotification",
            }, stub.Requests.Select(r => r.Target.Substring("AWSBudgetServiceGateway.".Length)));
            Assert.Equal(@"{""AccountId"":""123456789012"",""NewBudget"":{""BudgetName"":""numerai-monthly-cost"",""BudgetLimit"":{""Amount"":""75"",""Unit"":""USD""},""TimeUnit"":""MONTHLY"",""BudgetType"":""COST""}}",
                stub.Requests[1].Body);
            Assert.Equal(@"{""AccountId"":""123456789012"",""BudgetName"":""numerai-monthly-cost"",""Notification"":{""NotificationType"":""ACTUAL"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":100},""Subscriber"":{""SubscriptionType"":""EMAIL"",""Address"":""new@example.com""}}",
                stub.Requests[5].Body);
            Assert.Contains(@"""Notification"":{""NotificationType"":""FORECASTED"",""ComparisonOperator"":""GREATER_THAN"",""Threshold"":100,""ThresholdType"":""PERCENTAGE""}", stub.Requests[8].Body);
            Assert.Equal(4, host.Asked.Count);   // update, two subscribers, one notification
        }

        [Fact]
        public void WithWhatIfAMissingBudgetIsAskedForOnceAndNothingElseIsCalled()
        {
            using var stub = new StubAwsServer();
            stub.Error("NotFoundException", "Unable to get budget: numerai-monthly-cost - the budget doesn't exist.");
            using var connection = stub.Connect();
            var host = new RecordingSetupHost(allowChanges: false);

            var result = BudgetService.Ensure(connection, host, new BudgetRequest { LimitUsd = 50, Email = "a@example.com" }, "123456789012", out var declined);

            Assert.True(declined);
            Assert.Equal((false, false), (result.Created, result.Changed));
            Assert.Single(stub.Requests);
            var asked = Assert.Single(host.Asked);
            Assert.Equal("AWS budget numerai-monthly-cost (account 123456789012)", asked.Target);
            Assert.Equal("Create a monthly cost budget of 50 USD with alerts at 80% and 100% of actual and forecasted spend to a@example.com", asked.Action);
        }
    }
}
