using ThiDua.Features.Registrations;

namespace ThiDua.Tests.Registrations;

/// <summary>The registration's rules without a database: the state machine, codes by subject, bounds, file names.</summary>
public sealed class RegistrationRulesTests
{
    [Theory]
    [InlineData(RegistrationState.Draft, RegistrationState.Submitted, true)]
    [InlineData(RegistrationState.Submitted, RegistrationState.Returned, true)]
    [InlineData(RegistrationState.Returned, RegistrationState.Submitted, true)]
    [InlineData(RegistrationState.Submitted, RegistrationState.Approved, true)]
    [InlineData(RegistrationState.Draft, RegistrationState.Approved, false)]
    [InlineData(RegistrationState.Draft, RegistrationState.Returned, false)]
    [InlineData(RegistrationState.Returned, RegistrationState.Approved, false)]
    [InlineData(RegistrationState.Approved, RegistrationState.Returned, false)]
    [InlineData(RegistrationState.Approved, RegistrationState.Submitted, false)]
    [InlineData(RegistrationState.Submitted, RegistrationState.Submitted, false)]
    public void CanMove_EachPairOfStates_FollowsDraftSubmitReturnApprove(RegistrationState from, RegistrationState to, bool allowed) =>
        Assert.Equal(allowed, RegistrationRules.CanMove(from, to));

    [Theory]
    [InlineData(RegistrationState.Draft, true)]
    [InlineData(RegistrationState.Returned, true)]
    [InlineData(RegistrationState.Submitted, false)]
    [InlineData(RegistrationState.Approved, false)]
    public void IsEditable_OnlyDraftOrReturned_IsEditable(RegistrationState state, bool editable) =>
        Assert.Equal(editable, RegistrationRules.IsEditable(state));

    [Theory]
    [InlineData(RegistrationSubject.Person, "CSTDCS", true)]
    [InlineData(RegistrationSubject.Person, "LDTT", true)]
    [InlineData(RegistrationSubject.Person, "BK_BO", true)]
    [InlineData(RegistrationSubject.Person, "TTLDXS", false)]
    [InlineData(RegistrationSubject.Person, "CO_CP", false)]
    [InlineData(RegistrationSubject.Agency, "CO_CP", true)]
    [InlineData(RegistrationSubject.Agency, "TTLDXS", true)]
    [InlineData(RegistrationSubject.Agency, "CSTDCS", false)]
    [InlineData(RegistrationSubject.SubUnit, "LDTT", false)]
    [InlineData(RegistrationSubject.SubUnit, "TTLDTT", true)]
    [InlineData(RegistrationSubject.Person, "cstdcs", false)]
    [InlineData(RegistrationSubject.Person, "", false)]
    [InlineData(RegistrationSubject.Person, null, false)]
    public void IsValidCode_CodeForSubjectKind_OnlyCatalogueCodesOfThatKind(RegistrationSubject subject, string? code, bool valid) =>
        Assert.Equal(valid, RegistrationRules.IsValidCode(subject, code));

    [Fact]
    public void CodesFor_EachSubject_AreCatalogueCodesInCatalogueOrder()
    {
        var catalogue = ThiDua.Features.Eligibility.EligibilityCodes.Catalogue.Select(c => c.Code).ToList();
        foreach (var s in Enum.GetValues<RegistrationSubject>())
        {
            var codes = RegistrationRules.CodesFor(s).Select(c => c.Code).ToList();
            Assert.NotEmpty(codes);
            Assert.Equal(codes.OrderBy(catalogue.IndexOf), codes);
        }
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    [InlineData(int.MaxValue, false)]
    public void InYearRange_Bounds_Are2000To2100(int year, bool ok) => Assert.Equal(ok, RegistrationRules.InYearRange(year));

    [Fact]
    public void ExportFileName_AnyCulture_IsInvariantAscii()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal("dang-ky-thi-dua-2019.xlsx", RegistrationRules.ExportFileName(2019));
            Assert.Equal("dang-ky-thi-dua-2026-btctw.xlsx", RegistrationRules.ExportFileName(2026, "BTCTW"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void MovementDefault_ExactlyOneBlocRegular_ItsId_OtherwiseNone()
    {
        MovementOption Option(int id, bool regular) => new(id, "Phong trào " + id.ToString(System.Globalization.CultureInfo.InvariantCulture), 2027, regular);
        Assert.Equal(3, MovementOption.DefaultOf([Option(1, false), Option(3, true)]));
        Assert.Null(MovementOption.DefaultOf([Option(1, true), Option(3, true)]));
        Assert.Null(MovementOption.DefaultOf([Option(1, false)]));
        Assert.Null(MovementOption.DefaultOf([]));
    }
}
