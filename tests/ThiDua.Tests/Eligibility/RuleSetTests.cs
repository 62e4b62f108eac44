using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

public sealed class RuleSetTests
{
    private static string Edit(string code, Func<string, string> change) => change(RuleSet.BuiltInJson(code));

    [Fact]
    public void BuiltInRuleSets_CoverEveryYearWithBasisForEveryRule()
    {
        var sets = RuleBook.Default.Sets;
        Assert.Equal(["luat-2013", "luat-2022"], sets.Select(s => s.Code));
        Assert.Equal(2023, sets[0].AppliesToYears.To);
        Assert.Equal(2024, sets[1].AppliesToYears.From);
        Assert.Equal(15, sets[0].Quotas.CstdcsShareOfLdtt.MaxPercent);
        Assert.Null(sets[1].Quotas.CstdcsShareOfLdtt.MaxPercent);
        Assert.Equal(10, sets[0].Rules.Ldtt.MinServiceMonths);
        Assert.Equal(6, sets[1].Rules.Ldtt.MinServiceMonths);
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefusedNamingIt()
    {
        var json = Edit("luat-2022", s => s.Replace("\"minServiceMonths\": 6", "\"minServiceMonth\": 6"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Contains(problems, p => p.Contains("minServiceMonth", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingAndMistypedFields_AreAllNamedAtOnce()
    {
        var json = Edit("luat-2022", s => s.Replace("\"minServiceMonths\": 6,", "").Replace("\"minInitiatives\": 2,", "\"minInitiatives\": \"hai\",").Replace("\"excludeUsedInitiatives\": true", "\"excludeUsedInitiatives\": 1"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Equal(
            ["$.rules.BK_BO.excludeUsedInitiatives: phải là true hoặc false", "$.rules.BK_BO.minInitiatives: phải là một số nguyên", "$.rules.LDTT.minServiceMonths: thiếu trường bắt buộc"],
            problems.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("System.", StringComparison.Ordinal) || p.Contains("Int32", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RuleNotInForceForEveryYearOfTheSet_IsRefused()
    {
        var json = Edit("luat-2013", s => s.Replace("\"effective\": { \"from\": \"2017-10-01\", \"to\": \"2023-12-31\" },\n      \"source\": \"legal-verification.md claim 5", "\"effective\": { \"from\": \"2018-01-01\", \"to\": \"2023-12-31\" },\n      \"source\": \"legal-verification.md claim 5"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Equal(["$.rules.LDTT.effective: quy tắc không có hiệu lực trong năm 2017 mà bộ quy tắc áp dụng"], problems);
    }

    [Fact]
    public void Parse_YearWithoutCitation_IsRefused()
    {
        // Drop the 2025 citation of the deferral rule: 2025 onwards would cite nothing.
        var json = Edit("luat-2022", s => s.Replace(",\n        { \"cite\": \"Nghị định 152/2025/NĐ-CP, Điều 4\", \"years\": { \"from\": 2025, \"to\": null } }\n      ],\n      \"effective\": { \"from\": \"2024-01-01\", \"to\": null },\n      \"source\": \"legal-verification.md claim 11 ✅: chưa khen", "\n      ],\n      \"effective\": { \"from\": \"2024-01-01\", \"to\": null },\n      \"source\": \"legal-verification.md claim 11 ✅: chưa khen"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Equal(["$.rules.deferral.basis: không có căn cứ pháp lý nào cho năm 2025"], problems);
    }

    [Fact]
    public void Parse_OldFormatFile_IsRefusedNamingTheFields()
    {
        var json = Edit("luat-2022", s => s.Replace("\"format\": 2", "\"format\": 1"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Equal(["$.format: phiên bản định dạng 1 không được hỗ trợ (chỉ hỗ trợ 2)"], problems);
    }

    [Fact]
    public void BuiltInLuat2022_HasNoFlagShare_AndTtldttFiguresAreTheAgencys()
    {
        var set = RuleBook.Default.For(2025);
        Assert.Null(set.Quotas.FlagShare);
        Assert.NotNull(set.Rules.Ttldtt.SetBy);
        Assert.True(set.Rules.Ttldtt.NoMemberDisciplinedWarningOrAbove);
        Assert.Equal(20, RuleBook.Default.For(2019).Quotas.FlagShare?.MaxPercent);
    }

    [Fact]
    public void Parse_OutOfRangeValue_IsRefusedWithPath()
    {
        var json = Edit("luat-2022", s => s.Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": 13"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Equal(["$.rules.LDTT.minServiceMonths: giá trị 13 nằm ngoài khoảng cho phép 0–12"], problems);
    }

    [Fact]
    public void Parse_RuleWithoutBasis_IsRefused()
    {
        var json = Edit("luat-2013", s => s.Replace("\"basis\": [ { \"cite\": \"Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)\" }, { \"cite\": \"Nghị định 91/2017/NĐ-CP\" } ]", "\"basis\": []"));
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Contains("$.rules.LDTT.basis: mỗi quy tắc phải ghi căn cứ pháp lý", problems);
    }

    [Fact]
    public void Parse_MalformedJson_IsRefused()
    {
        Assert.Null(RuleSet.Parse("{ \"format\": 2, ", out var problems));
        Assert.Single(problems);
        Assert.StartsWith("$: tệp không phải JSON hợp lệ", problems[0]);
    }

    [Fact]
    public void RuleBook_With_ReplacementOverlappingAnother_IsRefusedAndBookUnchanged()
    {
        var set = RuleSet.Parse(Edit("luat-2022", s => s.Replace("\"appliesToYears\": { \"from\": 2024, \"to\": null }", "\"appliesToYears\": { \"from\": 2023, \"to\": null }").Replace("\"from\": \"2024-01-01\"", "\"from\": \"2023-01-01\"").Replace("\"from\": 2024, \"to\": 2024", "\"from\": 2023, \"to\": 2024")), out var problems)!;
        Assert.Empty(problems);
        var book = RuleBook.Default.With(set, out var coverage);
        Assert.NotEmpty(coverage);
        Assert.Same(RuleBook.Default, book);
    }

    [Fact]
    public void RuleBook_With_EditedParameter_ChangesVerdicts()
    {
        var set = RuleSet.Parse(Edit("luat-2022", s => s.Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": 3")), out _)!;
        var book = RuleBook.Default.With(set, out var coverage);
        Assert.Empty(coverage);
        var p = new PersonBuilder().Year(2025, Rating.HTTNV).Hired(2025, 9, 1).Build();
        Assert.Equal(Verdict.NotEligible, EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(p)[0].Verdict);
        Assert.Equal(Verdict.Eligible, EligibilityEngine.For(book, 2025).Evaluate(p)[0].Verdict);
    }
}

public sealed class QuotaCheckTests
{
    [Theory]
    // LĐTT, CSTĐCS, within the 15% limit
    [InlineData(20, 3, true)]
    [InlineData(20, 4, false)]
    [InlineData(100, 15, true)]
    [InlineData(100, 16, false)]
    [InlineData(7, 1, true)] // 14.3%
    [InlineData(6, 1, false)] // 16.7%
    [InlineData(0, 0, true)]
    public void CstdcsShare_Under2013_IsAtMost15Percent(int ldtt, int cstdcs, bool within)
    {
        var f = QuotaCheck.Check(RuleBook.Default.For(2019), [new UnitProposals("U", "Vụ A", ldtt, cstdcs)]).Single();
        Assert.Equal(within, f.WithinLimit);
        Assert.Equal(15, f.MaxPercent);
        Assert.Contains("Nghị định 91/2017/NĐ-CP, Điều 9 khoản 3", f.Basis);
        Assert.Contains(within ? "trong mức tối đa 15%" : "vượt mức tối đa 15%", f.Message);
    }

    [Fact]
    public void CstdcsShare_Under2022_HasNoNationalCap()
    {
        var f = QuotaCheck.Check(RuleBook.Default.For(2025), [new UnitProposals("U", "Vụ A", 10, 9)]).Single();
        Assert.True(f.WithinLimit);
        Assert.Null(f.MaxPercent);
        Assert.Contains("không có mức trần quốc gia", f.Message);
    }

    [Fact]
    public void FlagShare_OverLimit_IsReportedWithNumbers()
    {
        var findings = QuotaCheck.Check(RuleBook.Default.For(2019), [new UnitProposals("K", "Khối X", 0, 0, Flags: 3, CollectivesConsidered: 14)]);
        var flag = findings.Single(f => f.Quota.StartsWith("Cờ", StringComparison.Ordinal));
        Assert.False(flag.WithinLimit);
        Assert.Equal(2, flag.MaxAllowed);
        Assert.Contains("thừa 1", flag.Message);
    }

    [Fact]
    public void FlagShare_Luat2022_IsNotALegalLimit()
    {
        var findings = QuotaCheck.Check(RuleBook.Default.For(2025), [new UnitProposals("K", "Khối X", 0, 0, Flags: 3, CollectivesConsidered: 14)]);
        Assert.DoesNotContain(findings, f => f.Quota.StartsWith("Cờ", StringComparison.Ordinal));
    }
}
