using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumeraiAws.ContractHost;

/// <summary>
/// AWS Budgets subscribers, which moto 5.2.1 keeps but cannot show: it has no DescribeSubscribersForNotification,
/// CreateSubscriber, DeleteSubscriber or UpdateBudget (HTTP 500). Budgets and notifications stay in moto; this
/// class watches the calls that create and delete them (forwarding each to moto and recording its subscribers
/// once moto accepted it) and answers the subscriber operations itself, per the AWS Budgets API reference
/// (budgets-2016-10-20, JSON 1.1, target prefix AWSBudgetServiceGateway). UpdateBudget is answered by replacing
/// the budget in moto (delete, then create with the new definition and the same notifications and subscribers).
/// </summary>
internal sealed class BudgetSubscribers
{
    private const string Prefix = "AWSBudgetServiceGateway.";
    private readonly Upstream _upstream;
    private readonly CallLog _calls;
    private readonly object _gate = new();
    // (account, budget) -> notification key -> (notification, subscribers)
    private readonly Dictionary<(string Account, string Budget), Dictionary<string, Entry>> _budgets = new();

    public BudgetSubscribers(Upstream upstream, CallLog calls)
    {
        _upstream = upstream;
        _calls = calls;
    }

    public void Reset()
    {
        lock (_gate) _budgets.Clear();
    }

    /// <summary>Answers the request if it is one of ours; null means "not ours, forward it to moto".</summary>
    public async Task<ContractResponse> TryHandleAsync(ContractRequest request)
    {
        var target = request.Http.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var operation = target.Substring(Prefix.Length);
        if (operation is not ("CreateBudget" or "CreateNotification" or "DeleteNotification" or "DeleteBudget"
            or "DescribeSubscribersForNotification" or "CreateSubscriber" or "DeleteSubscriber" or "UpdateBudget"))
            return null;

        JsonObject input;
        try { input = request.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(request.Body) as JsonObject; }
        catch (JsonException) { input = null; }
        if (input == null) return Error("SerializationException", "Start of structure or map found where not expected.");

        var account = Text(input, "AccountId") ?? Accounts.Default;
        switch (operation)
        {
            case "CreateBudget": return await CreateBudgetAsync(request, target, input, account);
            case "CreateNotification": return await CreateNotificationAsync(request, target, input, account);
            case "DeleteNotification": return await DeleteNotificationAsync(request, target, input, account);
            case "DeleteBudget": return await DeleteBudgetAsync(request, target, input, account);
            case "UpdateBudget": return Answered(operation, await UpdateBudgetAsync(request, input, account));
            default: return Answered(operation, Subscribers(operation, input, account));
        }
    }

    private ContractResponse Answered(string operation, ContractResponse response)
    {
        _calls.Record("budgets", operation);
        return response;
    }

    private async Task<ContractResponse> CreateBudgetAsync(ContractRequest request, string target, JsonObject input, string account)
    {
        var answer = await _upstream.JsonAsync(request, target, input);
        if (answer.IsSuccess)
        {
            var name = Text(input["Budget"] as JsonObject, "BudgetName");
            lock (_gate)
            {
                var entries = _budgets[(account, name)] = new Dictionary<string, Entry>(StringComparer.Ordinal);
                foreach (var item in (input["NotificationsWithSubscribers"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
                {
                    var notification = item["Notification"] as JsonObject;
                    entries[Key(notification)] = new Entry(notification, Subscribers(item["Subscribers"]));
                }
            }
        }
        return answer.AsResponse();
    }

    private async Task<ContractResponse> CreateNotificationAsync(ContractRequest request, string target, JsonObject input, string account)
    {
        var answer = await _upstream.JsonAsync(request, target, input);
        if (answer.IsSuccess)
        {
            var notification = input["Notification"] as JsonObject;
            lock (_gate) Budget(account, Text(input, "BudgetName"))[Key(notification)] = new Entry(notification, Subscribers(input["Subscribers"]));
        }
        return answer.AsResponse();
    }

    private async Task<ContractResponse> DeleteNotificationAsync(ContractRequest request, string target, JsonObject input, string account)
    {
        var answer = await _upstream.JsonAsync(request, target, input);
        if (answer.IsSuccess)
            lock (_gate) Budget(account, Text(input, "BudgetName")).Remove(Key(input["Notification"] as JsonObject));
        return answer.AsResponse();
    }

    private async Task<ContractResponse> DeleteBudgetAsync(ContractRequest request, string target, JsonObject input, string account)
    {
        var answer = await _upstream.JsonAsync(request, target, input);
        if (answer.IsSuccess)
            lock (_gate) _budgets.Remove((account, Text(input, "BudgetName")));
        return answer.AsResponse();
    }

    private ContractResponse Subscribers(string operation, JsonObject input, string account)
    {
        var budget = Text(input, "BudgetName");
        var notification = input["Notification"] as JsonObject;
        if (string.IsNullOrEmpty(budget) || notification == null)
            return Error("InvalidParameterException", "BudgetName and Notification are required.");
        lock (_gate)
        {
            if (!_budgets.TryGetValue((account, budget), out var entries))
                return Error("NotFoundException", $"Unable to get budget: {budget} - the budget doesn't exist.");
            if (!entries.TryGetValue(Key(notification), out var entry))
                return Error("NotFoundException", $"Unable to find the notification in budget {budget}.");
            switch (operation)
            {
                case "DescribeSubscribersForNotification":
                    return Json(new JsonObject { ["Subscribers"] = new JsonArray(entry.Subscribers.Select(s => (JsonNode)s.DeepClone()).ToArray()) });
                case "CreateSubscriber":
                {
                    if (input["Subscriber"] is not JsonObject subscriber) return Error("InvalidParameterException", "Subscriber is required.");
                    if (entry.Subscribers.Any(s => SameSubscriber(s, subscriber)))
                        return Error("DuplicateRecordException", "The subscriber already exists.");
                    entry.Subscribers.Add((JsonObject)subscriber.DeepClone());
                    return Json(new JsonObject());
                }
                default:
                {
                    if (input["Subscriber"] is not JsonObject subscriber) return Error("InvalidParameterException", "Subscriber is required.");
                    var removed = entry.Subscribers.RemoveAll(s => SameSubscriber(s, subscriber));
                    return removed == 0 ? Error("NotFoundException", "The subscriber does not exist.") : Json(new JsonObject());
                }
            }
        }
    }

    private async Task<ContractResponse> UpdateBudgetAsync(ContractRequest request, JsonObject input, string account)
    {
        if (input["NewBudget"] is not JsonObject newBudget) return Error("InvalidParameterException", "NewBudget is required.");
        var name = Text(newBudget, "BudgetName");
        var existing = await _upstream.JsonAsync(request, Prefix + "DescribeBudget", new JsonObject { ["AccountId"] = account, ["BudgetName"] = name });
        if (!existing.IsSuccess) return existing.AsResponse();
        List<Entry> notifications;
        lock (_gate) notifications = Budget(account, name).Values.ToList();
        var deleted = await _upstream.JsonAsync(request, Prefix + "DeleteBudget", new JsonObject { ["AccountId"] = account, ["BudgetName"] = name });
        if (!deleted.IsSuccess) return deleted.AsResponse();
        var created = await _upstream.JsonAsync(request, Prefix + "CreateBudget", new JsonObject
        {
            ["AccountId"] = account,
            ["Budget"] = newBudget.DeepClone(),
            ["NotificationsWithSubscribers"] = new JsonArray(notifications.Select(n => (JsonNode)new JsonObject
            {
                ["Notification"] = n.Notification.DeepClone(),
                ["Subscribers"] = new JsonArray(n.Subscribers.Select(s => (JsonNode)s.DeepClone()).ToArray()),
            }).ToArray()),
        });
        return created.IsSuccess ? Json(new JsonObject()) : created.AsResponse();
    }

    private Dictionary<string, Entry> Budget(string account, string name)
    {
        if (!_budgets.TryGetValue((account, name), out var entries)) _budgets[(account, name)] = entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        return entries;
    }

    // AWS identifies a notification by its trigger; an absent ThresholdType is PERCENTAGE.
    private static string Key(JsonObject notification)
    {
        if (notification == null) return "";
        var threshold = notification["Threshold"] is JsonValue v && v.TryGetValue(out double d) ? d : 0;
        return string.Join("|", Text(notification, "NotificationType"), Text(notification, "ComparisonOperator"),
            threshold.ToString("R", CultureInfo.InvariantCulture), Text(notification, "ThresholdType") ?? "PERCENTAGE");
    }

    private static List<JsonObject> Subscribers(JsonNode node) =>
        (node as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(s => (JsonObject)s.DeepClone()).ToList();

    private static bool SameSubscriber(JsonObject a, JsonObject b) =>
        Text(a, "SubscriptionType") == Text(b, "SubscriptionType") && Text(a, "Address") == Text(b, "Address");

    private static ContractResponse Error(string code, string message)
    {
        var response = Json(new JsonObject { ["__type"] = code, ["Message"] = message }, status: 400);
        response.Headers["x-amzn-ErrorType"] = code;
        return response;
    }

    private static ContractResponse Json(JsonObject body, int status = 200)
    {
        var response = new ContractResponse
        {
            Status = status,
            ContentType = "application/x-amz-json-1.1",
            Body = Encoding.UTF8.GetBytes(body.ToJsonString()),
        };
        response.Headers["x-amzn-RequestId"] = RequestIds.New();
        return response;
    }

    private static string Text(JsonObject input, string member) =>
        input?[member] is JsonValue value && value.TryGetValue(out string text) ? text : null;

    private sealed record Entry(JsonObject Notification, List<JsonObject> Subscribers);
}
