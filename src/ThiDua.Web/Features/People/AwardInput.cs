using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;

namespace ThiDua.Features.People;

/// <summary>A person's title or award as the add form on the person's page and the award edit page take it.</summary>
public sealed class AwardInput
{
    [Display(Name = "Năm quyết định"), Required(ErrorMessage = "Hãy nhập năm."), Range(1975, 2100, ErrorMessage = "Năm phải từ 1975 đến 2100.")] public int? Year { get; set; }
    [Display(Name = "Danh hiệu, hình thức"), Required(ErrorMessage = "Hãy chọn danh hiệu hoặc hình thức.")] public string? Code { get; set; }
    [Display(Name = "Cấp quyết định"), Required(ErrorMessage = "Hãy nhập cấp quyết định."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string? Authority { get; set; }
    [Display(Name = "Số quyết định"), StringLength(100, ErrorMessage = "Số quyết định tối đa 100 ký tự.")] public string? DecisionNumber { get; set; }
    [Display(Name = "Ngày quyết định"), ModelBinder(typeof(Infrastructure.VnDateBinder))] public DateOnly? DecisionDate { get; set; }
    /// <summary>"Thành tích đến năm": the last year of the achievement period the decision states; empty when it states none.</summary>
    [Display(Name = "Thành tích đến năm")] public int? PeriodTo { get; set; }
    /// <summary>"Loại thành tích"; absent means merit, the usual case.</summary>
    [Display(Name = "Loại thành tích")] public AwardBasis? Basis { get; set; }

    /// <summary>The checks DataAnnotations cannot express: the code is in the catalogue, and the period ends by the decision year.</summary>
    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (Code is not null && !AwardRecord.Codes.ContainsKey(Code)) state.AddModelError($"{prefix}.Code", "Danh hiệu, hình thức không có trong danh mục.");
        if (Basis is { } b && !Enum.IsDefined(b)) state.AddModelError($"{prefix}.Basis", "Loại thành tích phải là Công trạng, Đột xuất hoặc Chuyên đề.");
        // The period is the achievement the decision rewards, so it cannot end after the decision.
        if (PeriodTo is { } to && (to < AwardRecord.FirstPeriodYear || Year is { } y && to > y))
        {
            var upper = Year is { } year ? $"năm quyết định ({year})" : "năm quyết định";
            state.AddModelError($"{prefix}.PeriodTo", $"\"Thành tích đến năm\" phải từ {AwardRecord.FirstPeriodYear} đến {upper}; đang là {to}.");
        }
    }

    public static AwardInput From(AwardRecord a) => new()
    {
        Year = a.Year, Code = a.Code, Authority = a.Authority, DecisionNumber = a.DecisionNumber, DecisionDate = a.DecisionDate,
        PeriodTo = a.PeriodTo, Basis = a.Basis,
    };

    /// <summary>Copies the (validated) input onto the record.</summary>
    public void ApplyTo(AwardRecord a)
    {
        a.Year = Year!.Value;
        a.Code = Code!;
        a.Authority = Authority!.Trim();
        a.DecisionNumber = string.IsNullOrWhiteSpace(DecisionNumber) ? null : DecisionNumber.Trim();
        a.DecisionDate = DecisionDate;
        a.PeriodTo = PeriodTo;
        a.Basis = Basis ?? AwardBasis.Merit;
    }
}

/// <summary>The award form's fields, shared by the add form and the edit page: element ids start with <paramref name="IdPrefix"/>, names with <paramref name="NamePrefix"/>.</summary>
public sealed record AwardFieldsModel(string IdPrefix, string NamePrefix, AwardInput? Values);
