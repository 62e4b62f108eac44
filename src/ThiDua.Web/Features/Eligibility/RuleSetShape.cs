using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// Checks a rule-set document against the shape of <see cref="RuleSet"/> before it is deserialized, so an
/// administrator sees every missing, unknown or mistyped field at once, each by its path, in Vietnamese —
/// not the serializer's first error with .NET type names.
/// </summary>
internal static class RuleSetShape
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static void Check(JsonElement e, Type type, string path, List<string> problems)
    {
        var props = Properties(type);
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: phải là một đối tượng {{…}}");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            seen.Add(p.Name);
            var at = $"{path}.{p.Name}";
            if (!props.TryGetValue(p.Name, out var prop))
            {
                problems.Add($"{at}: trường không có trong định dạng bộ quy tắc");
                continue;
            }
            Value(p.Value, prop.Type, prop.Nullable, at, problems);
        }
        foreach (var (name, prop) in props)
        {
            if (prop.Required && !seen.Contains(name)) problems.Add($"{path}.{name}: thiếu trường bắt buộc");
        }
    }

    private static void Value(JsonElement v, Type t, bool nullable, string at, List<string> problems)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            if (!nullable) problems.Add($"{at}: không được để trống (null)");
            return;
        }
        var inner = Nullable.GetUnderlyingType(t) ?? t;
        if (inner == typeof(int))
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out _)) problems.Add($"{at}: phải là một số nguyên");
        }
        else if (inner == typeof(bool))
        {
            if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{at}: phải là true hoặc false");
        }
        else if (inner == typeof(string))
        {
            if (v.ValueKind != JsonValueKind.String) problems.Add($"{at}: phải là một chuỗi \"…\"");
        }
        else if (inner == typeof(DateOnly))
        {
            if (v.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                problems.Add($"{at}: phải là ngày dạng \"YYYY-MM-DD\"");
        }
        else if (inner.IsArray)
        {
            if (v.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{at}: phải là một mảng […]");
                return;
            }
            var i = 0;
            foreach (var item in v.EnumerateArray()) Value(item, inner.GetElementType()!, false, $"{at}[{i++}]", problems);
        }
        else Check(v, inner, at, problems);
    }

    private sealed record Prop(Type Type, bool Required, bool Nullable);

    private static Dictionary<string, Prop> Properties(Type type)
    {
        var ctorParams = type.GetConstructors().FirstOrDefault(c => c.GetParameters().Length > 0)?.GetParameters() ?? [];
        var result = new Dictionary<string, Prop>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetMethod is null || p.SetMethod is null && ctorParams.All(c => !string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase))) continue;
            var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var param = ctorParams.FirstOrDefault(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            var required = p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null
                || param is { HasDefaultValue: false };
            var nullable = Nullability.Create(p).ReadState == NullabilityState.Nullable;
            result[name] = new Prop(p.PropertyType, required, nullable);
        }
        return result;
    }
}
