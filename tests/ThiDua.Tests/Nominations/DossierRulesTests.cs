using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;

namespace ThiDua.Tests.Nominations;

public sealed class DossierRulesTests
{
    [Theory]
    [InlineData("2020-03-04", "Nghị định 91/2017/NĐ-CP", "Mẫu số 02")]
    [InlineData("2024-01-01", "Nghị định 98/2023/NĐ-CP", "Mẫu số 03")]
    [InlineData("2025-06-30", "Nghị định 98/2023/NĐ-CP", "Mẫu số 03")]
    [InlineData("2025-07-01", "Nghị định 152/2025/NĐ-CP", "Mẫu số 03")]
    public void DecreeEdition_FilingDate_PicksTheDecreeInForce(string day, string decree, string personForm)
    {
        var e = DecreeEdition.On(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decree, e.Decree);
        Assert.Equal(personForm, e.FormFor(NominationSubject.Person));
    }

    [Fact]
    public void Checklist_MeritCstdtq_NeedsCoverReportMinutesAndInitiativeWithBasis()
    {
        var items = DossierChecklist.For(EligibilityCodes.CSTDTQ, AwardBasis.Merit, new DateOnly(2026, 3, 1));
        Assert.Equal([DossierDocumentKind.CoverLetter, DossierDocumentKind.AchievementReport, DossierDocumentKind.Minutes, DossierDocumentKind.Initiative], items.Select(i => i.Kind));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Basis)));
        Assert.Contains("bỏ phiếu kín", items[2].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_DotXuat_SimplifiedProcedureOnlyCoverAndShortReport()
    {
        var items = DossierChecklist.For("BK_BO", AwardBasis.DotXuat, new DateOnly(2026, 3, 1));
        Assert.Equal([DossierDocumentKind.CoverLetter, DossierDocumentKind.AchievementReport], items.Select(i => i.Kind));
        Assert.Equal([DossierDocumentKind.AchievementReport], DossierChecklist.Missing(items, [DossierDocumentKind.CoverLetter, DossierDocumentKind.Minutes]));
    }

    [Theory]
    [InlineData(NominationSubject.Person, "CSTDCS", true)]
    [InlineData(NominationSubject.Person, "TTLDTT", false)]
    [InlineData(NominationSubject.Collective, "TTLDXS", true)]
    [InlineData(NominationSubject.Collective, "CSTDCS", false)]
    [InlineData(NominationSubject.Person, null, false)]
    public void IsValidCode_SubjectKind_RestrictsCodes(NominationSubject subject, string? code, bool valid) =>
        Assert.Equal(valid, DossierRules.IsValidCode(subject, code));

    [Fact]
    public void IsValidLevel_BlocOnlyForTheBlocsForms()
    {
        Assert.True(DossierRules.IsValidLevel(NominationLevel.Bloc, "BK_BO"));
        Assert.True(DossierRules.IsValidLevel(NominationLevel.Bloc, "CO_CP"));
        Assert.False(DossierRules.IsValidLevel(NominationLevel.Bloc, "CSTDCS"));
        Assert.True(DossierRules.IsValidLevel(NominationLevel.Agency, "CSTDCS"));
    }
}
