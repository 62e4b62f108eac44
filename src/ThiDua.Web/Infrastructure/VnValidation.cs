using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ThiDua.Infrastructure;

/// <summary>
/// Vietnamese messages for validation attributes that carry none of their own ("The field X must be a string with a
/// maximum length of 200.", "The Version field is required."): each attribute without an ErrorMessage gets one
/// here, naming the field by its label. Runs after the data-annotations provider, so implicit [Required] on value
/// types is covered too; client-side data-val messages come from the same texts.
/// </summary>
public sealed class VnValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        // A non-nullable value type is required implicitly; the framework would add an English [Required] of its own.
        var type = context.Key.ModelType;
        var implicitlyRequired = context.ValidationMetadata.IsRequired ?? (type.IsValueType && Nullable.GetUnderlyingType(type) is null);
        if (context.Key.MetadataKind != ModelMetadataKind.Type && implicitlyRequired && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
            context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute());
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceType is not null) continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Hãy nhập {0}.",
                StringLengthAttribute { MinimumLength: > 0 } => "{0}: từ {2} đến {1} ký tự.",
                StringLengthAttribute => "{0}: tối đa {1} ký tự.",
                MaxLengthAttribute => "{0}: tối đa {1} ký tự.",
                MinLengthAttribute => "{0}: ít nhất {1} ký tự.",
                RangeAttribute => "{0} phải từ {1} đến {2}.",
                EmailAddressAttribute => "{0} không phải là địa chỉ thư điện tử hợp lệ.",
                CompareAttribute => "{0} không khớp với {1}.",
                RegularExpressionAttribute => "{0} không đúng định dạng.",
                _ => "{0} không hợp lệ.",
            };
        }
    }
}

/// <summary>
/// Binds yes/no fields without trusting the posted text: "true"/"false" (a checkbox posts "true,false" or "false"),
/// "on". Anything else is a Vietnamese model error and the field is redrawn unchecked — the framework's binder
/// would leave "maybe" in the model state and the checkbox tag helper would throw (a 500 from any form).
/// </summary>
public sealed class VnBoolBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        var text = value.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (Nullable.GetUnderlyingType(context.ModelType) is not null)
            {
                context.ModelState.SetModelValue(context.ModelName, value);
                context.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        bool? parsed = text.ToUpperInvariant() switch { "TRUE" or "ON" => true, "FALSE" or "OFF" => false, _ => null };
        if (parsed is { } b)
        {
            context.ModelState.SetModelValue(context.ModelName, value);
            context.Result = ModelBindingResult.Success(b);
            return Task.CompletedTask;
        }
        context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult("false"));
        context.ModelState.TryAddModelError(context.ModelName, $"{context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name}: \"{(text.Length > 20 ? text[..20] + "…" : text)}\" không phải là có hoặc không.");
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class VnBoolBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?) ? new VnBoolBinder() : null;
}
