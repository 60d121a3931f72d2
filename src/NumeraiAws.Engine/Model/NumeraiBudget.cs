namespace NumeraiAws.Engine.Model
{
    /// <summary>The monthly cost budget New-NumeraiBudget keeps, with the alerts it sends.</summary>
    public sealed class NumeraiBudget
    {
        public string BudgetName { get; set; }
        public string AccountId { get; set; }
        /// <summary>The monthly limit in US dollars.</summary>
        public decimal LimitUsd { get; set; }
        /// <summary>MONTHLY.</summary>
        public string TimeUnit { get; set; }
        /// <summary>COST.</summary>
        public string BudgetType { get; set; }
        /// <summary>The address the alerts go to.</summary>
        public string Email { get; set; }
        /// <summary>The alerts, e.g. "ACTUAL GREATER_THAN 80%".</summary>
        public string[] Notifications { get; set; } = new string[0];
        /// <summary>True when this run created the budget.</summary>
        public bool Created { get; set; }
        /// <summary>True when this run changed the budget, its alerts or their subscribers (including creating it).</summary>
        public bool Changed { get; set; }

        public override string ToString() => $"{BudgetName} ({LimitUsd} USD monthly)";
    }
}
