using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ThiDua.Infrastructure;

/// <summary>
/// Vietnamese model-binding messages ("Năm quyết định: "2e3" không phải là số năm.") in place of the framework's
/// English ones ("The value '2e3' is not valid for Year."). Each field is named by its [Display(Name = …)] label,
/// which the accessors receive as the display name, and the message says what the field expects by its type:
/// a whole number (a year when the label says so), a date, an item of a list. Registered for every property and
/// parameter through <see cref="Install"/>; the framework-wide provider gets the same texts as a fallback.
/// </summary>
public sealed class BindingMessages : IBindingMetadataProvider
{
    private enum Kind { Other, Integer, Number, Date, Choice, YesNo }

    private static readonly Dictionary<Kind, DefaultModelBindingMessageProvider> Providers =
        Enum.GetValues<Kind>().ToDictionary(k => k, Create);

    /// <summary>Sets the framework-wide texts and adds the per-type provider.</summary>
    public static void Install(Microsoft.AspNetCore.Mvc.MvcOptions options)
    {
        Apply(options.ModelBindingMessageProvider, Kind.Other);
        options.ModelMetadataDetailsProviders.Add(new BindingMessages());
    }

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var kind = KindOf(context.Key.ModelType);
        if (kind != Kind.Other) context.BindingMetadata.ModelBindingMessageProvider = Providers[kind];
    }

    private static Kind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return Kind.Choice;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte)) return Kind.Integer;
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float)) return Kind.Number;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)) return Kind.Date;
        if (t == typeof(bool)) return Kind.YesNo;
        return Kind.Other;
    }

    private static DefaultModelBindingMessageProvider Create(Kind kind)
    {
        var p = new DefaultModelBindingMessageProvider();
        Apply(p, kind);
        return p;
    }

    /// <summary>What a value of this kind must be, for the field named <paramref name="field"/>.</summary>
    private static string Expected(Kind kind, string? field) => kind switch
    {
        Kind.Integer when field is not null && VietnameseText.Fold(field).Split(' ', ',', '(', ')').Contains("nam") => "không phải là số năm",
        Kind.Integer => "không phải là số nguyên",
        Kind.Number => "không phải là số",
        Kind.Date => "không phải là ngày hợp lệ (dd/mm/yyyy)",
        Kind.Choice => "không có trong danh sách lựa chọn",
        Kind.YesNo => "không phải là có hoặc không",
        _ => "không hợp lệ",
    };

    private static void Apply(DefaultModelBindingMessageProvider p, Kind kind)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: \"{value}\" {Expected(kind, field)}.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" {Expected(kind, null)}.");
        p.SetUnknownValueIsInvalidAccessor(field => $"{field}: giá trị nhập vào {Expected(kind, field)}.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => $"Giá trị nhập vào {Expected(kind, null)}.");
        p.SetValueIsInvalidAccessor(value => $"\"{value}\" {Expected(kind, null)}.");
        p.SetValueMustBeANumberAccessor(field => $"{field}: phải là số.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        p.SetValueMustNotBeNullAccessor(value => $"\"{value}\": hãy nhập giá trị.");
        p.SetMissingBindRequiredValueAccessor(field => $"{field}: thiếu giá trị bắt buộc.");
        p.SetMissingKeyOrValueAccessor(() => "Thiếu khóa hoặc giá trị.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu thiếu nội dung bắt buộc.");
    }
}
