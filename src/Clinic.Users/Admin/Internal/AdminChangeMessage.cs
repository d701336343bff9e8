using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinic.Users.Admin.Internal;

/// <summary>Django's <c>LogEntry.change_message</c> JSON, written and read back as a sentence.</summary>
internal static class AdminChangeMessage
{
    public static string Added() => "[{\"added\": {}}]";

    public static string Changed(IReadOnlyCollection<string> fields) =>
        fields.Count == 0 ? "[]" : new JsonArray(new JsonObject { ["changed"] = new JsonObject { ["fields"] = new JsonArray([.. fields.Select(f => JsonValue.Create(f))]) } }).ToJsonString();

    /// <summary>The sentence Django shows: "Added.", "Changed Name and Date of birth.", "Deleted.", "No fields changed.".</summary>
    public static string Describe(string message, AdminLogAction action)
    {
        if (action == AdminLogAction.Deletion)
        {
            return "Deleted.";
        }

        if (string.IsNullOrWhiteSpace(message) || !message.TrimStart().StartsWith('['))
        {
            return string.IsNullOrWhiteSpace(message) ? (action == AdminLogAction.Addition ? "Added." : "No fields changed.") : message;
        }

        try
        {
            var parts = new List<string>();
            foreach (var item in JsonNode.Parse(message)!.AsArray())
            {
                if (item?["added"] is not null)
                {
                    parts.Add("Added.");
                }
                else if (item?["changed"]?["fields"] is JsonArray fields)
                {
                    parts.Add("Changed " + TextList([.. fields.Select(f => f?.GetValue<string>() ?? string.Empty)]) + ".");
                }
                else if (item?["deleted"] is not null)
                {
                    parts.Add("Deleted.");
                }
            }

            return parts.Count == 0 ? "No fields changed." : string.Join(" ", parts);
        }
        catch (JsonException)
        {
            return message;
        }
    }

    /// <summary>Django's <c>get_text_list</c>: "a, b and c".</summary>
    private static string TextList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
