using System.Collections.Generic;
using System.Linq;
using NumeraiAws.Engine.Model;
using C = NumeraiAws.Engine.Setup.Hardening.HardeningCatalog;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>Cost: a monthly COST budget with at least one notification, so runaway spending is noticed within the month.</summary>
    internal static class CostChecks
    {
        public static IEnumerable<HardeningFinding> CostBudgetWithAlert(CheckContext c)
        {
            var identity = c.Snapshot.Identity.Value;
            var monthly = c.Snapshot.Budgets.Value.Where(b => b.Budget.BudgetType == "COST" && b.Budget.TimeUnit == "MONTHLY").ToList();
            const string command = "New-NumeraiBudget -LimitUsd <monthly limit> -Email <address>";
            const string remediation = "Create a monthly cost budget with alerts by email, e.g. at 80% and 100% of actual and forecasted spend.";
            if (monthly.Count == 0)
            {
                yield return c.Fail(C.CostBudgetWithAlert, identity.AccountId, "The account has no monthly cost budget.", remediation, command);
                yield break;
            }
            var alerting = monthly.FirstOrDefault(b => b.Notifications.Value.Count > 0);
            if (alerting != null)
                yield return c.Pass(C.CostBudgetWithAlert, alerting.Budget.BudgetName,
                    $"Monthly cost budget of {alerting.Budget.LimitAmount} {alerting.Budget.LimitUnit} with {alerting.Notifications.Value.Count} alert(s): {string.Join(", ", alerting.Notifications.Value)}.");
            else
                yield return c.Fail(C.CostBudgetWithAlert, string.Join(", ", monthly.Select(b => b.Budget.BudgetName)),
                    "The monthly cost budget(s) have no alert, so nobody is told when spending runs over.", remediation, command);
        }
    }
}
