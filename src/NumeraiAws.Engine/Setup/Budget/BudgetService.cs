using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NumeraiAws.Engine.Clients.Budgets;
using NumeraiAws.Engine.Connection;
using NumeraiAws.Engine.Model;

namespace NumeraiAws.Engine.Setup.Budget
{
    /// <summary>What New-NumeraiBudget was asked for.</summary>
    public sealed class BudgetRequest
    {
        /// <summary>The monthly limit in US dollars (more than 0, at most two decimals).</summary>
        public decimal LimitUsd { get; set; }
        /// <summary>Where the alerts go.</summary>
        public string Email { get; set; }
    }

    /// <summary>
    /// Keeps one monthly COST budget, numerai-monthly-cost, with four alerts to one email address: actual and
    /// forecasted spend above 80% and 100% of the limit. Reads first and writes only what differs: a missing
    /// budget is created with its alerts in one call; on an existing one a different limit is updated, missing
    /// alerts are added, and the address is subscribed to alerts that lack it. Nothing is removed: other alerts
    /// and subscribers someone added stay.
    /// </summary>
    public static class BudgetService
    {
        public const string BudgetName = "numerai-monthly-cost";
        public const string BudgetType = "COST";
        public const string TimeUnit = "MONTHLY";
        public const decimal MaximumLimitUsd = 1000000000m;

        // "name@domain.tld", no spaces or line breaks (AWS refuses line breaks in a subscriber address).
        private static readonly Regex EmailPattern = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<BudgetNotification> Alerts { get; } = new[]
        {
            Alert("ACTUAL", 80), Alert("ACTUAL", 100), Alert("FORECASTED", 80), Alert("FORECASTED", 100),
        };

        /// <summary>Rejects a limit or address AWS would refuse (or silently round), before any AWS call.</summary>
        public static void Validate(BudgetRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.LimitUsd <= 0 || request.LimitUsd > MaximumLimitUsd || decimal.Round(request.LimitUsd, 2) != request.LimitUsd)
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidBudgetLimit",
                    $"{request.LimitUsd.ToString(CultureInfo.InvariantCulture)} is not a budget limit AWS accepts as given.",
                    $"Give -LimitUsd a dollar amount above 0 and at most {MaximumLimitUsd.ToString("N0", CultureInfo.InvariantCulture)}, with at most two decimals (e.g. 50 or 49.99).",
                    request.LimitUsd);
            if (string.IsNullOrEmpty(request.Email) || !EmailPattern.IsMatch(request.Email))
                throw new NumeraiAwsException(ErrorKind.InvalidArgument, "InvalidEmailAddress",
                    $"'{request.Email}' is not an email address.",
                    "Give -Email one address such as you@example.com (a team mailbox is best).", request.Email);
        }

        public static NumeraiBudget Ensure(AwsConnection connection, ISetupHost host, BudgetRequest request) =>
            Ensure(connection, host, request, null, out _);

        /// <remarks>declined: true when some change was needed but ShouldChange said no (-WhatIf, -Confirm).</remarks>
        internal static NumeraiBudget Ensure(AwsConnection connection, ISetupHost host, BudgetRequest request, string accountId, out bool declined)
        {
            declined = false;
            Validate(request);
            accountId = accountId ?? IdentityService.Get(connection).Account;
            var budgets = new BudgetsClient(connection);
            var subscriber = new BudgetSubscriber("EMAIL", request.Email);
            var limit = request.LimitUsd.ToString("0.##", CultureInfo.InvariantCulture);
            var target = $"AWS budget {BudgetName} (account {accountId})";
            var result = new NumeraiBudget
            {
                BudgetName = BudgetName,
                AccountId = accountId,
                LimitUsd = request.LimitUsd,
                TimeUnit = TimeUnit,
                BudgetType = BudgetType,
                Email = request.Email,
                Notifications = Alerts.Select(a => a.ToString()).ToArray(),
            };

            var existing = budgets.TryDescribeBudget(accountId, BudgetName);
            if (existing == null)
            {
                if (!host.ShouldChange(target, $"Create a monthly cost budget of {limit} USD with alerts at 80% and 100% of actual and forecasted spend to {request.Email}"))
                {
                    declined = true;
                    return result;
                }
                budgets.CreateBudget(accountId, BudgetName, BudgetType, TimeUnit, request.LimitUsd,
                    Alerts.Select(a => new KeyValuePair<BudgetNotification, IReadOnlyList<BudgetSubscriber>>(a, new[] { subscriber })));
                host.Info($"Created {BudgetName}: {limit} USD a month, alerts to {request.Email}.");
                result.Created = result.Changed = true;
                return result;
            }

            if (existing.BudgetType != BudgetType || existing.TimeUnit != TimeUnit || existing.Limit != request.LimitUsd || existing.LimitUnit != "USD")
            {
                if (host.ShouldChange(target, $"Change the budget from {existing.BudgetType} {existing.TimeUnit} {existing.LimitAmount} {existing.LimitUnit} to COST MONTHLY {limit} USD"))
                {
                    budgets.UpdateBudget(accountId, BudgetName, BudgetType, TimeUnit, request.LimitUsd);
                    host.Info($"Updated {BudgetName} to {limit} USD a month.");
                    result.Changed = true;
                }
                else
                {
                    // Not changed: report the limit that is really there.
                    declined = true;
                    result.LimitUsd = existing.Limit ?? request.LimitUsd;
                }
            }

            var present = budgets.DescribeNotificationsForBudget(accountId, BudgetName);
            foreach (var alert in Alerts)
            {
                var notification = present.FirstOrDefault(n => n.SameTriggerAs(alert));
                if (notification == null)
                {
                    if (!host.ShouldChange(target, $"Add the alert {alert} to {request.Email}")) { declined = true; continue; }
                    budgets.CreateNotification(accountId, BudgetName, alert, new[] { subscriber });
                    host.Info($"Added the alert {alert} of {BudgetName}.");
                    result.Changed = true;
                    continue;
                }
                var subscribers = budgets.DescribeSubscribersForNotification(accountId, BudgetName, notification);
                if (subscribers.Any(s => s.SubscriptionType == "EMAIL" && string.Equals(s.Address, request.Email, StringComparison.OrdinalIgnoreCase)))
                    continue;
                if (!host.ShouldChange(target, $"Send the alert {alert} to {request.Email} too")) { declined = true; continue; }
                budgets.CreateSubscriber(accountId, BudgetName, notification, subscriber);
                host.Info($"Subscribed {request.Email} to the alert {alert} of {BudgetName}.");
                result.Changed = true;
            }
            return result;
        }

        private static BudgetNotification Alert(string type, double threshold) => new BudgetNotification
        {
            NotificationType = type,
            ComparisonOperator = "GREATER_THAN",
            Threshold = threshold,
            ThresholdType = "PERCENTAGE",
        };
    }
}
