using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Features.Eligibility;
using static ThiDua.Features.Eligibility.Rating;
using static ThiDua.Features.Eligibility.TitleSet;

namespace ThiDua.Tests.Eligibility;

/// <summary>
/// The rules contract version 2 changed, in both rule sets (2019: luat-2013, 2025: luat-2022), at their
/// boundaries: one achievement one award, award periods and basis, discipline, CSTĐTQ runs, BK_BO runs.
/// </summary>
public sealed class RuleV2Tests
{
    private static string I(FormattableString s) => FormattableString.Invariant(s);

    /// <summary>CSTĐCS every year from <paramref name="from"/> to y, HTXSNV, with a ministry-scope initiative in y.</summary>
    private static PersonBuilder CstdcsRun(int from, int y)
    {
        var b = new PersonBuilder().Years(from, y, HTXSNV, LDTT | CSTDCS);
        return b.Year(y, HTXSNV, LDTT | CSTDCS, 1, InitiativeScope.Bo);
    }

    [Theory]
    [InlineData(2019, 1, Verdict.NotEligible)]
    [InlineData(2019, 2, Verdict.NotEligible)]
    [InlineData(2019, 3, Verdict.Eligible)] // the three CSTĐCS y−2..y all come after it
    [InlineData(2025, 1, Verdict.NotEligible)]
    [InlineData(2025, 2, Verdict.NotEligible)]
    [InlineData(2025, 3, Verdict.Eligible)]
    public void CstdBo_PreviousCstdBoYearsBefore_CountsOnlyLaterCstdcs(int y, int yearsBefore, Verdict expected)
    {
        var p = CstdcsRun(y - 6, y).Title(y - yearsBefore, CSTD_BO).Build();
        var r = Engine.Result(p, y, "CSTD_BO");
        Assert.Equal(expected, r.Verdict);
        if (expected == Verdict.NotEligible)
            Assert.StartsWith(I($"Đã được tặng Chiến sĩ thi đua cấp bộ, ban năm {y - yearsBefore}"), r.Reasons[0]);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2025)]
    public void CstdBo_RunYearTouchedByDiscipline_IsNotEligible(int y)
    {
        var p = CstdcsRun(y - 4, y).Disciplined(DisciplineLevel.KhienTrach, new DateOnly(y - 1, 12, 1), new DateOnly(y - 1, 12, 31)).Build();
        var r = Engine.Result(p, y, "CSTD_BO");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Contains(I($"Năm {y - 1} bị kỷ luật"), r.Reasons[0]);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2025)]
    public void DisciplineTouchingTheYear_RulesOutEveryIndividualCode(int y)
    {
        // Strong enough for everything but the discipline that touches y by one day.
        var b = new PersonBuilder().Years(y - 10, y, HTXSNV, LDTT | CSTDCS, 3).Award(y - 6, AwardForm.BK_BO);
        b.Title(y - 4, CSTD_BO).Title(y - 1, CSTD_BO).Year(y, HTXSNV, LDTT | CSTDCS, 3, InitiativeScope.ToanQuoc);
        var clean = EligibilityEngine.For(RuleBook.Default, y).Evaluate(b.Build());
        Assert.Contains(clean, r => r.Code is "CSTD_BO" or "BK_BO" && r.Verdict == Verdict.Eligible);
        var p = b.Disciplined(DisciplineLevel.KhienTrach, new DateOnly(y - 1, 1, 1), new DateOnly(y, 1, 1)).Build();
        foreach (var r in EligibilityEngine.For(RuleBook.Default, y).Evaluate(p))
        {
            Assert.Equal(Verdict.NotEligible, r.Verdict);
            Assert.Contains(I($"trùng năm {y}"), string.Join(" ", r.Reasons));
        }
    }

    [Theory]
    [InlineData(2, Verdict.NotEligible)]
    [InlineData(3, Verdict.Eligible)] // exactly three years apart: two separate runs
    [InlineData(4, Verdict.NotEligible)]
    public void Cstdtq_GapBetweenCstdBo_MustBeExactlyThree(int gap, Verdict expected)
    {
        foreach (var y in new[] { 2019, 2025 })
        {
            var b = new PersonBuilder().Years(y - 8, y, HTXSNV, LDTT | CSTDCS).Year(y, HTXSNV, LDTT | CSTDCS, 1, InitiativeScope.ToanQuoc);
            var p = b.Title(y - 1, CSTD_BO).Title(y - 1 - gap, CSTD_BO).Build();
            Assert.Equal(expected, Engine.Verdict(p, y, "CSTDTQ"));
        }
    }

    [Theory]
    [InlineData(0, Verdict.Eligible)] // later CSTĐ bộ in y
    [InlineData(1, Verdict.Eligible)] // in y−1
    [InlineData(2, Verdict.NotEligible)]
    public void Cstdtq_LaterCstdBo_MustBeInYOrYMinusOne(int back, Verdict expected)
    {
        foreach (var y in new[] { 2019, 2025 })
        {
            var b = new PersonBuilder().Years(y - 8, y, HTXSNV, LDTT | CSTDCS).Year(y, HTXSNV, LDTT | CSTDCS, 1, InitiativeScope.ToanQuoc);
            var p = b.Title(y - back, CSTD_BO).Title(y - back - 3, CSTD_BO).Build();
            Assert.Equal(expected, Engine.Verdict(p, y, "CSTDTQ"));
        }
    }

    [Fact]
    public void Cstdtq_LaterCstdBoInPreviousYear_NeedsNoRecordForY()
    {
        var p = new PersonBuilder().Years(2017, 2023, HTXSNV, LDTT | CSTDCS).Title(2020, CSTD_BO).Title(2023, CSTD_BO)
            .Year(2023, HTXSNV, LDTT | CSTDCS | CSTD_BO, 1, InitiativeScope.ToanQuoc).Build();
        Assert.Equal(Verdict.Eligible, Engine.Verdict(p, 2024, "CSTDTQ"));
        Assert.Equal(Verdict.NotEligible, Engine.Verdict(p, 2024, "LDTT"));
    }

    [Fact]
    public void Cstdtq_EndYearWithoutCstdcs_ReasonNamesTheYearAndDoesNotClaimConsecutive()
    {
        var p = new PersonBuilder().Years(2017, 2024, HTXSNV, LDTT | CSTDCS).Year(2020, HTXSNV, LDTT | CSTD_BO)
            .Title(2023, CSTD_BO).Year(2024, HTXSNV, LDTT | CSTDCS, 1, InitiativeScope.ToanQuoc).Build();
        var r = Engine.Result(p, 2024, "CSTDTQ");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Equal("Hai lần Chiến sĩ thi đua cấp bộ, ban (2020 và 2023) không liên tục: năm 2020 không được tặng Chiến sĩ thi đua cơ sở", r.Reasons[0]);
        Assert.DoesNotContain(r.Reasons, s => s.Contains("Hai lần liên tục", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2025)]
    public void Cstdtq_PreviousCstdtq_CapsTheRuns(int y)
    {
        var b = new PersonBuilder().Years(y - 8, y, HTXSNV, LDTT | CSTDCS).Year(y, HTXSNV, LDTT | CSTDCS, 1, InitiativeScope.ToanQuoc);
        b.Title(y - 1, CSTD_BO).Title(y - 4, CSTD_BO);
        Assert.Equal(Verdict.Eligible, Engine.Verdict(b.Clone().Title(y - 5, CSTDTQ).Build(), y, "CSTDTQ"));
        var r = Engine.Result(b.Clone().Title(y - 4, CSTDTQ).Build(), y, "CSTDTQ");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.StartsWith(I($"Đã được tặng Chiến sĩ thi đua toàn quốc năm {y - 4}"), r.Reasons[0]);
    }

    /// <summary>HTXSNV y−3..y with one unused initiative each year: meets BK_BO in both sets unless an award caps it.</summary>
    private static PersonBuilder BkBoHistory(int y) => new PersonBuilder().Years(y - 3, y, HTXSNV, LDTT, 1);

    [Theory]
    // decision year relative to y, stated period end relative to y (null: none), expected in 2019 and in 2025
    [InlineData(-1, null, Verdict.NotEligible)] // decided y−1: only y counts
    [InlineData(-2, null, Verdict.Eligible)]
    [InlineData(-1, -2, Verdict.Eligible)] // decided y−1 for a period ending y−2: y−1 and y count
    [InlineData(-1, -1, Verdict.NotEligible)]
    [InlineData(1, null, Verdict.NotEligible)] // decided after y with no period: no year left to count
    [InlineData(1, -2, Verdict.Eligible)] // decided after y for a period ending y−2
    public void BkBo_PreviousAward_CountsFromTheEndOfItsPeriod(int decided, int? periodEnd, Verdict expected)
    {
        foreach (var y in new[] { 2019, 2025 })
        {
            var p = BkBoHistory(y).Award(y + decided, AwardForm.BK_BO, periodEnd is { } e ? y + e : null).Build();
            var r = Engine.Result(p, y, "BK_BO");
            Assert.Equal(expected, r.Verdict);
            if (expected == Verdict.NotEligible) Assert.StartsWith(I($"Bằng khen cấp bộ, ban năm {y + decided} đã khen thành tích đến năm"), r.Reasons[0]);
        }
    }

    [Theory]
    [InlineData(2019, Verdict.NotEligible)] // the old rules count a one-off award like any other (a parameter)
    [InlineData(2025, Verdict.Eligible)] // NĐ 98/2023 Điều 4 khoản 3, NĐ 152/2025 Điều 4: no basis for merit awards
    public void BkBo_OneOffPreviousAward_CapsOnlyUnderTheOldRules(int y, Verdict expected)
    {
        var p = BkBoHistory(y).Award(y - 1, AwardForm.BK_BO, basis: AwardBasis.DotXuat).Build();
        Assert.Equal(expected, Engine.Verdict(p, y, "BK_BO"));
    }

    [Theory]
    [InlineData(2019, Verdict.NotEligible)] // two years exactly, initiatives within them
    [InlineData(2025, Verdict.Eligible)] // "liên tục từ 02 năm trở lên": a longer run with its initiatives anywhere in it
    public void BkBo_LongerExcellentRun_InitiativesAnywhereInIt(int y, Verdict expected)
    {
        var p = new PersonBuilder().Years(y - 2, y, HTXSNV, LDTT).Year(y - 2, HTXSNV, LDTT, 1).Year(y, HTXSNV, LDTT, 1).Build();
        Assert.Equal(expected, Engine.Verdict(p, y, "BK_BO"));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2025)]
    public void BkBo_PeriodYearTouchedByDiscipline_IsNotACountedYear(int y)
    {
        var p = BkBoHistory(y).Disciplined(DisciplineLevel.KhienTrach, new DateOnly(y - 1, 6, 1), new DateOnly(y - 1, 6, 30)).Build();
        var r = Engine.Result(p, y, "BK_BO");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.StartsWith(I($"Năm {y - 1} bị kỷ luật trong năm"), r.Reasons[0]);
    }

    [Fact]
    public void BkBo_InitiativeThatServedAForm_ReasonSaysSoWithoutCallingItAnotherTitle()
    {
        var p = new PersonBuilder().Year(2024, HTXSNV, LDTT | CSTDCS, 1, usedInitiatives: 1).Year(2025, HTXSNV, LDTT | CSTDCS, 1).Build();
        var r = Engine.Result(p, 2025, "BK_BO");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Contains("đã dùng làm căn cứ khen thưởng khác", r.Reasons[0]);
        Assert.DoesNotContain("danh hiệu khác", r.Reasons[0]);
    }

    /// <summary>2019–2025 HTXSNV with CSTĐCS, a BK_BO in 2017 and initiatives each year: BK_TTG in 2024 under luat-2022.</summary>
    private static PersonBuilder TtgHistory() => new PersonBuilder().Years(2018, 2024, HTTNV, LDTT | CSTDCS, 1).Award(2017, AwardForm.BK_BO);

    [Theory]
    [InlineData(2025, null, Verdict.NotEligible)] // a BK_TTG decided after y still counts as the latest
    [InlineData(2019, null, Verdict.NotEligible)] // after a 2019 BK_TTG the 2017 BK_BO no longer qualifies
    [InlineData(2015, null, Verdict.Eligible)]
    public void BkTtg_PreviousBkTtg_WhateverItsYear(int ttgYear, int? periodTo, Verdict expected)
    {
        var p = TtgHistory().Award(ttgYear, AwardForm.BK_TTG, periodTo).Build();
        Assert.Equal(expected, Engine.Verdict(p, 2024, "BK_TTG"));
    }

    [Fact]
    public void BkTtg_PeriodOfPreviousBkTtg_CountsTheRunFromIt()
    {
        // 2018–2024 counted, CSTĐCS every year; BK_TTG decided 2020, BK_BO 2021. Without a stated period the run
        // counts from 2021 (4 years); the decision states its period ended 2018, so the run counts from 2019 (6 years).
        var b = new PersonBuilder().Years(2018, 2024, HTTNV, LDTT | CSTDCS).Award(2021, AwardForm.BK_BO);
        var unstated = Engine.Result(b.Clone().Award(2020, AwardForm.BK_TTG).Build(), 2024, "BK_TTG");
        Assert.Equal(Verdict.NotEligible, unstated.Verdict);
        Assert.Equal("Bằng khen của Thủ tướng năm 2020 đã khen thành tích đến năm 2020: từ đó chỉ liên tục 4 năm hoàn thành tốt nhiệm vụ trở lên (2021–2024), cần 5 năm", unstated.Reasons[0]);
        Assert.Equal(Verdict.Eligible, Engine.Verdict(b.Clone().Award(2020, AwardForm.BK_TTG, 2018).Build(), 2024, "BK_TTG"));
    }

    [Fact]
    public void BkTtg_RunBrokenByRating_NamesTheRating()
    {
        var p = new PersonBuilder().Years(2021, 2025, HTTNV, LDTT).Year(2022, HTNV).Award(2019, AwardForm.BK_BO).Build();
        var r = Engine.Result(p, 2025, "BK_TTG");
        Assert.Equal("Chỉ liên tục 3 năm hoàn thành tốt nhiệm vụ trở lên đến năm 2025 (2023–2025): năm 2022 xếp loại hoàn thành nhiệm vụ; cần 5 năm", r.Reasons[0]);
    }

    [Fact]
    public void BkBo_BreakYears_AreNamedForEachBranchWithoutDenyingAHeldTitle()
    {
        // 2025 HTTNV with CSTĐCS, 2024 HTXSNV without: the excellent run breaks in 2025, the CSTĐCS run in 2024.
        var p = new PersonBuilder().Year(2024, HTXSNV, LDTT, 1).Year(2025, HTTNV, LDTT | CSTDCS, 1).Build();
        var r = Engine.Result(p, 2025, "BK_BO");
        Assert.Equal("Năm 2025 xếp loại hoàn thành tốt nhiệm vụ: chưa đủ 2 năm liên tục hoàn thành xuất sắc nhiệm vụ (2024–2025); năm 2024 không được tặng Chiến sĩ thi đua cơ sở nên cũng chưa đủ 2 lần liên tục Chiến sĩ thi đua cơ sở", r.Reasons[0]);
    }

    [Theory]
    [InlineData(2024, "")] // the decision states its period, which happens to end in its own year
    [InlineData(null, " (quyết định không ghi thời gian thành tích, tính theo năm quyết định)")]
    public void BkBo_CappedByPreviousAward_SaysWhetherThePeriodWasStated(int? periodTo, string suffix)
    {
        var p = BkBoHistory(2025).Award(2024, AwardForm.BK_BO, periodTo).Build();
        Assert.Equal("Bằng khen cấp bộ, ban năm 2024 đã khen thành tích đến năm 2024: chỉ tính năm 2025, chưa đủ 2 năm liên tục" + suffix, Engine.Result(p, 2025, "BK_BO").Reasons[0]);
    }

    [Theory]
    [InlineData(2019, Verdict.Eligible)]
    [InlineData(2025, Verdict.NotEligible)]
    public void BkTtg_OneOffBkBo_QualifiesOnlyUnderTheOldRules(int y, Verdict expected)
    {
        var b = new PersonBuilder().Years(y - 5, y, HTXSNV, LDTT | CSTDCS, 1).Award(y - 6, AwardForm.BK_BO, basis: AwardBasis.ChuyenDe);
        Assert.Equal(expected, Engine.Verdict(b.Build(), y, "BK_TTG"));
    }

    [Fact]
    public void BkTtg_AfterBkTtg2018_ReasonDoesNotContradictItself()
    {
        var p = new PersonBuilder().Years(2014, 2019, HTXSNV, LDTT, 1).Award(2013, AwardForm.BK_BO).Award(2018, AwardForm.BK_TTG).Build();
        var r = Engine.Result(p, 2019, "BK_TTG");
        Assert.Equal(Verdict.NotEligible, r.Verdict);
        Assert.Equal("Chưa có Bằng khen cấp bộ, ban nào sau Bằng khen của Thủ tướng năm 2018", r.Reasons[0]);
    }

    [Fact]
    public void BkTtg_BkBoTooRecent_NamesTheLatestOne()
    {
        var p = new PersonBuilder().Years(2013, 2019, HTXSNV, LDTT, 1).Award(2016, AwardForm.BK_BO).Award(2018, AwardForm.BK_BO).Build();
        var r = Engine.Result(p, 2019, "BK_TTG");
        Assert.Equal("Bằng khen cấp bộ, ban gần nhất là năm 2018, cần từ năm 2014 trở về trước", r.Reasons[0]);
    }

    [Fact]
    public void Cstdcs_NoRecordForTheYear_DoesNotClaimARating()
    {
        var r = Engine.Result(new PersonBuilder().Year(2025, HTXSNV).Build(), 2026, "CSTDCS");
        Assert.DoesNotContain(r.Reasons, s => s.Contains("không hoàn thành xuất sắc", StringComparison.Ordinal));
        Assert.Contains("Không có sáng kiến được công nhận năm 2026", r.Reasons);
    }

    [Theory]
    [InlineData(2016)]
    [InlineData(2000)]
    public void RuleBook_YearsUpTo2016_HaveNoBuiltInRuleSet(int year)
    {
        Assert.Null(RuleBook.Default.Find(year));
        Assert.NotNull(RuleBook.Default.Find(2017));
    }

    public static TheoryData<int, string[], string[]> CitationYears => new()
    {
        // year, an instrument that must be cited by some result, instruments that no result may cite
        { 2017, ["Nghị định 91/2017/NĐ-CP"], ["2022", "98/2023", "152/2025", "01/2024", "15/2025"] },
        { 2023, ["Nghị định 91/2017/NĐ-CP"], ["2022", "98/2023", "152/2025", "01/2024", "15/2025"] },
        { 2024, ["Nghị định 98/2023/NĐ-CP", "Thông tư 01/2024/TT-BNV"], ["91/2017", "2003", "152/2025", "15/2025"] },
        { 2025, ["Nghị định 152/2025/NĐ-CP", "Thông tư 15/2025/TT-BNV"], ["91/2017", "2003", "98/2023", "01/2024"] },
        { 2031, ["Nghị định 152/2025/NĐ-CP"], ["91/2017", "2003", "98/2023", "01/2024"] },
    };

    [Theory]
    [MemberData(nameof(CitationYears))]
    public void Basis_CitesOnlyTheInstrumentsInForceForTheYear(int year, string[] cited, string[] never)
    {
        var engine = EligibilityEngine.For(RuleBook.Default, year);
        var people = new[]
        {
            new PersonBuilder().Years(year - 6, year, HTXSNV, LDTT | CSTDCS, 2).Build("A"),
            new PersonBuilder().Years(year - 6, year, HTXSNV, LDTT).PendingReview().Build("B"),
        };
        var collective = new CollectiveFacts { Id = "C", Years = { [year] = new CollectiveYearFacts(HTXSNV, 10, 10, 9, 1, 0, true) } };
        var all = people.SelectMany(engine.Evaluate).Concat(engine.Evaluate(collective)).ToList();
        var basis = all.SelectMany(r => r.Basis).ToList();
        Assert.All(all, r => Assert.NotEmpty(r.Basis));
        foreach (var c in cited) Assert.Contains(basis, b => b.Contains(c, StringComparison.Ordinal));
        foreach (var n in never) Assert.DoesNotContain(basis, b => b.Contains(n, StringComparison.Ordinal));
    }

    [Fact]
    public void Reasons_AreTheSameWhateverTheCulture()
    {
        var p = new PersonBuilder().Years(2020, 2025, HTXSNV, LDTT | CSTDCS, 2)
            .Disciplined(DisciplineLevel.CanhCao, new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)).Build();
        var old = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(p).SelectMany(r => r.Reasons).ToList();
            foreach (var name in new[] { "de-DE", "ar-SA", "fa-IR", "vi-VN" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                var other = EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(p).SelectMany(r => r.Reasons).ToList();
                Assert.Equal(invariant, other);
            }
            Assert.Contains(invariant, s => s.Contains("01/03/2025", StringComparison.Ordinal));
        }
        finally { CultureInfo.CurrentCulture = old; }
    }

    [Fact]
    public void NotEligible_FirstReasonNamesAYear()
    {
        var year = new Regex(@"\b(19|20)\d\d\b", RegexOptions.CultureInvariant);
        var rng = new Random(7);
        var checkedCount = 0;
        for (var i = 0; i < 2000; i++)
        {
            var y = rng.Next(2) == 0 ? 2019 : 2025;
            var b = new PersonBuilder();
            for (var k = y - rng.Next(1, 10); k <= y; k++)
            {
                if (rng.Next(8) == 0) continue;
                b.Year(k, (Rating)rng.Next(1, 5), (TitleSet)rng.Next(0, 16), rng.Next(3), (InitiativeScope)rng.Next(1, 4));
            }
            if (rng.Next(3) == 0) b.Award(y - rng.Next(-1, 8), (AwardForm)rng.Next(2, 4), basis: (AwardBasis)rng.Next(0, 3));
            if (rng.Next(6) == 0) b.Hired(y, rng.Next(1, 13), 1);
            foreach (var r in EligibilityEngine.For(RuleBook.Default, y).Evaluate(b.Build()).Where(r => r.Verdict == Verdict.NotEligible))
            {
                Assert.Matches(year, r.Reasons[0]);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 1000);
    }
}
