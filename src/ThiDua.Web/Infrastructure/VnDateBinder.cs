using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ThiDua.Infrastructure;

/// <summary>
/// Binds a <see cref="DateOnly"/> typed as dd/mm/yyyy (also d/m/yyyy and yyyy-MM-dd), whatever the request culture.
/// A browser's <c>type="date"</c> shows the format of the browser's language (mm/dd/yyyy in an English
/// browser), so date fields are text inputs with <see cref="Pattern"/> and <see cref="Placeholder"/>, and the
/// server reads them here. Put <c>[ModelBinder(typeof(VnDateBinder))]</c> on the property or handler parameter;
/// render the value with <see cref="VnFormat.Date"/> or <see cref="AspFormat"/>.
/// </summary>
public sealed class VnDateBinder : IModelBinder
{
    /// <summary>The HTML <c>pattern</c> of a date field: dd/mm/yyyy, or yyyy-mm-dd as older links and tests send it.</summary>
    public const string Pattern = @"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}";
    public const string Placeholder = "dd/mm/yyyy";
    /// <summary>For <c>asp-format</c>: the slashes are quoted so no culture turns them into its own date separator.</summary>
    public const string AspFormat = "{0:dd'/'MM'/'yyyy}";

    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // Empty is "no date": null for DateOnly?, left unbound (and so caught by [Required]) for DateOnly.
            if (Nullable.GetUnderlyingType(context.ModelType) is not null) context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (VnFormat.TryParseDate(text, out var date))
        {
            context.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }
        context.ModelState.TryAddModelError(context.ModelName, Message(context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name, text.Length > 30 ? text[..30] + "…" : text));
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    /// <summary>The refusal, naming the field by its label: 'Ngày sinh: "31/02/1980" không phải là ngày hợp lệ (dd/mm/yyyy).'</summary>
    public static string Message(string? field, string text) =>
        field is null ? $"\"{text}\" không phải là ngày hợp lệ (dd/mm/yyyy)." : $"{field}: \"{text}\" không phải là ngày hợp lệ (dd/mm/yyyy).";
}

/// <summary>Every <see cref="DateOnly"/> in the app binds through <see cref="VnDateBinder"/>, so no form depends on the browser's language.</summary>
public sealed class VnDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(DateOnly) || context.Metadata.ModelType == typeof(DateOnly?) ? new VnDateBinder() : null;
}
