using ThiDua.Features.Eligibility;
using static ThiDua.Features.Eligibility.Rating;

namespace ThiDua.Tests.Eligibility;

/// <summary>Each rule in both rule sets, at the boundaries the contract names.</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData(2019, "luat-2013")]
    [InlineData(2023, "luat-2013")]
    [InlineData(2024, "luat-2022")]
    [InlineData(2030, "luat-2022")]
    public void RuleSet_ForYear_IsChosenByYear(int year, string expected) => Assert.Equal(expected, RuleBook.Default.For(year).Code);

    [Theory]
    [InlineData("2019-01-01", 2019, 12)]
    [InlineData("2018-06-15", 2019, 12)]
    [InlineData("2019-07-01", 2019, 6)]
    [InlineData("2019-07-02", 2019, 5)]
    [InlineData("2019-03-01", 2019, 10)]
    [InlineData("2019-03-02", 2019, 9)]
    [InlineData("2019-12-31", 2019, 0)]
    [InlineData("2020-01-01", 2019, 0)]
    public void ServiceMonths_FromHireDate_RoundsDownToWholeMonths(string hired, int year, int months) =>
        Assert.Equal(months, EligibilityEngine.ServiceMonths(DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture), year));

    [Theory]
    // luat-2013: at least 10 months; luat-2022: at least 6 months
    [InlineData(2019, 3, 1, Verdict.Eligible)]
    [InlineData(2019, 3, 2, Verdict.NotEligible)]
    [InlineData(2025, 7, 1, Verdict.Eligible)]
    [InlineData(2025, 7, 2, Verdict.NotEligible)]
    public void Ldtt_ServiceBoundary_DependsOnRuleSet(int year, int month, int day, Verdict expected)
    {
        var p = new PersonBuilder().Year(year, HTTNV).Hired(year, month, day).Build();
        Assert.Equal(expected, Engine.Verdict(p, year, "LDTT"));
    }

    [Theory]
    [InlineData(HTXSNV, Verdict.Eligible)]
    [InlineData(HTTNV, Verdict.Eligible)]
    [InlineData(HTNV, Verdict.NotEligible)]
    [InlineData(KHTNV, Verdict.NotEligible)]
    public void Ldtt_Rating_MustBeGoodOrBetter(Rating rating, Verdict expected)
    {
        foreach (var year in new[] { 2019, 2025 })
            Assert.Equal(expected, Engine.Verdict(new PersonBuilder().Year(year, rating).Build(), year, "LDTT"));
    }

    [Fact]
    public void Ldtt_NoRecordForTheYear_IsNotEligibleWithReason()
    {
        var r = Engine.Result(new PersonBuilder().Year(2024, HTXSNV).Build(), 2025, "LDTT");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Equal("Chưa có kết quả xếp loại năm 2025", r.Reasons[0]);
    }

    [Theory]
    [InlineData("2025-12-31", "2026-06-30", Verdict.NotEligible)] // one day in the year is enough to touch it
    [InlineData("2024-01-01", "2025-01-01", Verdict.NotEligible)]
    [InlineData("2024-01-01", "2024-12-31", Verdict.Eligible)]
    [InlineData("2026-01-01", "2026-12-31", Verdict.Eligible)]
    public void Ldtt_DisciplinePeriodTouchingTheYear_Disqualifies(string from, string to, Verdict expected)
    {
        var p = new PersonBuilder().Year(2025, HTXSNV)
            .Disciplined(DisciplineLevel.KhienTrach, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).Build();
        Assert.Equal(expected, Engine.Verdict(p, 2025, "LDTT"));
    }

    [Theory]
    // year, rating, initiatives, expected
    [InlineData(2019, HTXSNV, 0, Verdict.NotEligible)] // luat-2013: HTXSNV alone is not enough
    [InlineData(2019, HTTNV, 1, Verdict.Eligible)]
    [InlineData(2019, HTXSNV, 1, Verdict.Eligible)]
    [InlineData(2025, HTXSNV, 0, Verdict.Eligible)] // luat-2022: HTXSNV alone suffices
    [InlineData(2025, HTTNV, 1, Verdict.Eligible)]
    [InlineData(2025, HTTNV, 0, Verdict.NotEligible)]
    [InlineData(2025, HTNV, 1, Verdict.NotEligible)] // must meet LĐTT first
    public void Cstdcs_RatingAndInitiative_PerRuleSet(int year, Rating rating, int initiatives, Verdict expected) =>
        Assert.Equal(expected, Engine.Verdict(new PersonBuilder().Year(year, rating, initiatives: initiatives).Build(), year, "CSTDCS"));

    [Fact]
    public void Cstdcs_In2013_ExplainsThatExcellentRatingDoesNotReplaceInitiative()
    {
        var r = Engine.Result(new PersonBuilder().Year(2019, HTXSNV).Build(), 2019, "CSTDCS");
        Assert.Contains("hoàn thành xuất sắc nhiệm vụ không thay được sáng kiến", r.Reasons[0]);
        Assert.Equal(["Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Điều 23", "Nghị định 91/2017/NĐ-CP, Điều 9 khoản 3"], r.Basis);
    }

    [Theory]
    [InlineData(true, true, true, InitiativeScope.Bo, Verdict.Eligible)]
    [InlineData(true, true, true, InitiativeScope.ToanQuoc, Verdict.Eligible)] // a wider scope satisfies a narrower requirement
    [InlineData(true, true, true, InitiativeScope.CoSo, Verdict.NotEligible)]
    [InlineData(true, false, true, InitiativeScope.Bo, Verdict.NotEligible)] // streak broken by a missing CSTĐCS year
    [InlineData(false, true, true, InitiativeScope.Bo, Verdict.NotEligible)]
    public void CstdBo_ThreeConsecutiveCstdcsAndMinistryInitiative(bool y2, bool y1, bool y0, InitiativeScope scope, Verdict expected)
    {
        foreach (var year in new[] { 2019, 2025 })
        {
            var b = new PersonBuilder();
            b.Year(year - 2, HTXSNV, y2 ? TitleSet.LDTT | TitleSet.CSTDCS : TitleSet.LDTT);
            b.Year(year - 1, HTXSNV, y1 ? TitleSet.LDTT | TitleSet.CSTDCS : TitleSet.LDTT, initiatives: 1, scope: scope);
            b.Year(year, HTXSNV, y0 ? TitleSet.LDTT | TitleSet.CSTDCS : TitleSet.LDTT);
            Assert.Equal(expected, Engine.Verdict(b.Build(), year, "CSTD_BO"));
        }
    }

    [Theory]
    // earlier CSTĐ bộ year, later year, CSTĐCS held in between, national initiative year, expected (y = 2025)
    [InlineData(2021, 2024, true, 2024, Verdict.Eligible)]
    [InlineData(2022, 2025, true, 2023, Verdict.Eligible)]
    [InlineData(2021, 2025, true, 2025, Verdict.NotEligible)] // 4 years apart: not consecutive
    [InlineData(2021, 2024, false, 2024, Verdict.NotEligible)] // a gap year without CSTĐCS
    [InlineData(2020, 2023, true, 2023, Verdict.NotEligible)] // later time before y−1
    [InlineData(2021, 2024, true, 2020, Verdict.NotEligible)] // initiative before the earlier time
    public void Cstdtq_TwoConsecutiveCstdBoAndNationalInitiative(int earlier, int later, bool cstdcsBetween, int initiativeYear, Verdict expected)
    {
        var b = new PersonBuilder();
        for (var y = 2018; y <= 2025; y++)
        {
            var titles = TitleSet.LDTT;
            if (y == earlier || y == later) titles |= TitleSet.CSTD_BO | TitleSet.CSTDCS;
            else if (y > earlier && y < later && cstdcsBetween) titles |= TitleSet.CSTDCS;
            b.Year(y, HTXSNV, titles, initiatives: y == initiativeYear ? 1 : 0, scope: InitiativeScope.ToanQuoc);
        }
        Assert.Equal(expected, Engine.Verdict(b.Build(), 2025, "CSTDTQ"));
    }

    [Theory]
    // rating y−1, rating y, CSTĐCS both years, initiatives, of which used, expected — luat-2022
    [InlineData(HTXSNV, HTXSNV, false, 2, 0, Verdict.Eligible)]
    [InlineData(HTTNV, HTTNV, true, 2, 0, Verdict.Eligible)] // CSTĐCS twice is the alternative
    [InlineData(HTXSNV, HTXSNV, false, 2, 1, Verdict.NotEligible)] // a used initiative does not count again
    [InlineData(HTXSNV, HTXSNV, false, 3, 1, Verdict.Eligible)]
    [InlineData(HTTNV, HTXSNV, false, 2, 0, Verdict.NotEligible)]
    public void BkBo_Luat2022(Rating previous, Rating current, bool cstdcs, int initiatives, int used, Verdict expected)
    {
        var t = cstdcs ? TitleSet.LDTT | TitleSet.CSTDCS : TitleSet.LDTT;
        var p = new PersonBuilder().Year(2024, previous, t, initiatives, usedInitiatives: used).Year(2025, current, t).Build();
        Assert.Equal(expected, Engine.Verdict(p, 2025, "BK_BO"));
    }

    [Theory]
    [InlineData(HTXSNV, HTXSNV, false, 2, 1, Verdict.Eligible)] // luat-2013 does not exclude used initiatives
    [InlineData(HTTNV, HTTNV, true, 2, 0, Verdict.NotEligible)] // no CSTĐCS alternative in luat-2013
    [InlineData(HTXSNV, HTXSNV, false, 1, 0, Verdict.NotEligible)]
    public void BkBo_Luat2013(Rating previous, Rating current, bool cstdcs, int initiatives, int used, Verdict expected)
    {
        var t = cstdcs ? TitleSet.LDTT | TitleSet.CSTDCS : TitleSet.LDTT;
        var p = new PersonBuilder().Year(2018, previous, t, initiatives, usedInitiatives: used).Year(2019, current, t).Build();
        Assert.Equal(expected, Engine.Verdict(p, 2019, "BK_BO"));
    }

    [Fact]
    public void BkTtg_Luat2022_FiveYearRunWithThreeCstdcsAfterBkBo_IsEligible()
    {
        var b = new PersonBuilder().Award(2019, AwardForm.BK_BO);
        for (var y = 2021; y <= 2025; y++) b.Year(y, HTTNV, y is 2021 or 2023 or 2025 ? TitleSet.CSTDCS : TitleSet.LDTT);
        Assert.Equal(Verdict.Eligible, Engine.Verdict(b.Build(), 2025, "BK_TTG"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("low")]
    [InlineData("discipline")]
    public void BkTtg_Luat2022_RunBrokenInsideTheFiveYears_IsNotEligible(string how)
    {
        var b = new PersonBuilder().Award(2019, AwardForm.BK_BO);
        for (var y = 2021; y <= 2025; y++)
        {
            if (how == "missing" && y == 2022) continue;
            b.Year(y, how == "low" && y == 2022 ? HTNV : HTTNV, y is 2021 or 2023 or 2025 ? TitleSet.CSTDCS : TitleSet.LDTT);
        }
        if (how == "discipline") b.Disciplined(DisciplineLevel.KhienTrach, new DateOnly(2022, 11, 1), new DateOnly(2022, 12, 1));
        var r = Engine.Result(b.Build(), 2025, "BK_TTG");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Contains(r.Reasons, s => s.StartsWith("Chỉ liên tục 3 năm", StringComparison.Ordinal));
    }

    [Fact]
    public void BkTtg_Luat2022_YearsBeforeThePreviousPrimeMinisterAwardDoNotCount()
    {
        // Runs only count years after the latest BK_TTG; a BK_BO must also follow it.
        var b = new PersonBuilder().Award(2015, AwardForm.BK_BO).Award(2022, AwardForm.BK_TTG);
        for (var y = 2016; y <= 2025; y++) b.Year(y, HTTNV, TitleSet.CSTDCS);
        Assert.Equal(Verdict.NotEligible, Engine.Verdict(b.Build(), 2025, "BK_TTG"));
    }

    [Theory]
    [InlineData(2014, 5, Verdict.Eligible)]
    [InlineData(2015, 5, Verdict.NotEligible)] // BK_BO must be at least five years before y
    [InlineData(2014, 4, Verdict.NotEligible)] // five initiatives needed in y−4..y
    public void BkTtg_Luat2013(int bkBoYear, int initiatives, Verdict expected)
    {
        var b = new PersonBuilder().Award(bkBoYear, AwardForm.BK_BO);
        for (var y = 2015; y <= 2019; y++) b.Year(y, HTXSNV, TitleSet.LDTT, initiatives: y - 2015 < initiatives ? 1 : 0);
        Assert.Equal(expected, Engine.Verdict(b.Build(), 2019, "BK_TTG"));
    }

    [Fact]
    public void PendingReview_DefersEveryVerdict_WithDeferralBasis()
    {
        var p = new PersonBuilder().Years(2015, 2025, HTXSNV, TitleSet.LDTT | TitleSet.CSTDCS, 2).PendingReview().Build();
        var results = EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(p);
        Assert.Equal(6, results.Length);
        Assert.All(results, r => Assert.Equal(Verdict.Deferred, r.Verdict));
        Assert.All(results, r => Assert.Equal(["Nghị định 152/2025/NĐ-CP, Điều 4"], r.Basis));
    }

    [Theory]
    // members, LĐTT members, expected TTLĐTT (more than 50%), expected TTLĐXS (at least 70%)
    [InlineData(20, 11, Verdict.Eligible, Verdict.NotEligible)]
    [InlineData(20, 10, Verdict.NotEligible, Verdict.NotEligible)]
    [InlineData(20, 14, Verdict.Eligible, Verdict.Eligible)]
    [InlineData(20, 13, Verdict.Eligible, Verdict.NotEligible)]
    [InlineData(10, 7, Verdict.Eligible, Verdict.Eligible)]
    [InlineData(3, 2, Verdict.Eligible, Verdict.NotEligible)] // 66.7%
    public void Collective_ShareBoundaries_AreExact(int members, int ldtt, Verdict ttldtt, Verdict ttldxs)
    {
        var c = new CollectiveFacts { Id = "C", Years = { [2025] = new CollectiveYearFacts(HTXSNV, members, members, ldtt, 1, 0, true) } };
        var r = EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(c);
        Assert.Equal((ttldtt, ttldxs), (r[0].Verdict, r[1].Verdict));
    }

    [Theory]
    [InlineData(2019, Verdict.NotEligible)] // luat-2013 keeps the discipline clause
    [InlineData(2025, Verdict.Eligible)] // luat-2022 dropped it from TTLĐXS (Điều 27) ...
    public void Ttldxs_MemberDisciplinedWarningOrAbove_DependsOnRuleSet(int year, Verdict expected)
    {
        var c = new CollectiveFacts { Id = "C", Years = { [year] = new CollectiveYearFacts(HTXSNV, 10, 10, 9, 1, 1, true) } };
        Assert.Equal(expected, EligibilityEngine.For(RuleBook.Default, year).Evaluate(c)[1].Verdict);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2025)] // ... but TTLĐTT keeps it as the agency's parameter (Điều 28 delegates the detail)
    public void Ttldtt_MemberDisciplinedWarningOrAbove_IsNotEligibleInBothRuleSets(int year)
    {
        var c = new CollectiveFacts { Id = "C", Years = { [year] = new CollectiveYearFacts(HTXSNV, 10, 10, 9, 1, 1, true) } };
        var r = EligibilityEngine.For(RuleBook.Default, year).Evaluate(c)[0];
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Equal(I($"Có 1 cá nhân bị kỷ luật từ cảnh cáo trở lên trong năm {year}"), r.Reasons[0]);
    }

    private static string I(FormattableString s) => FormattableString.Invariant(s);

    [Fact]
    public void Collective_NotUnitedOrIncompleteOrNoCstdcs_FailsTtldxsWithReasons()
    {
        var c = new CollectiveFacts { Id = "C", Years = { [2025] = new CollectiveYearFacts(HTXSNV, 20, 19, 18, 0, 0, false) } };
        var r = EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(c)[1];
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Equal(["Chỉ 19/20 cá nhân hoàn thành nhiệm vụ năm 2025, cần 100%", "Có 0 cá nhân đạt Chiến sĩ thi đua cơ sở năm 2025, cần ít nhất 1", "Chưa được xác nhận nội bộ đoàn kết năm 2025"], r.Reasons);
    }

    [Fact]
    public void EveryResult_CitesTheArticleOfItsRuleSet()
    {
        var p = new PersonBuilder().Years(2010, 2025, HTXSNV, TitleSet.LDTT).Build();
        foreach (var year in new[] { 2019, 2025 })
        {
            var results = EligibilityEngine.For(RuleBook.Default, year).Evaluate(p);
            Assert.Equal(EligibilityCodes.Individual, results.Select(r => r.Code));
            Assert.All(results, r => Assert.NotEmpty(r.Basis));
            Assert.All(results, r => Assert.NotEmpty(r.Reasons));
        }
        Assert.Contains("Luật Thi đua, khen thưởng 2022, Điều 73 khoản 1 điểm b", EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(p)[5].Basis);
    }
}
