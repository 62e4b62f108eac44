using System.Text;
using System.Text.RegularExpressions;
using ThiDua.Features.Agreements;

namespace ThiDua.Tests.Agreements;

public sealed class AgreementRulesTests
{
    [Fact]
    public void SignProblems_NoCopyOneSignatoryNoDate_ListsEachProblem()
    {
        var p = AgreementRules.SignProblems(AgreementState.Draft, hasCopy: false, signatories: 1, signedOn: null);
        Assert.Equal(["Chưa đính kèm bản giao ước đã ký (PDF hoặc ảnh).", "Giao ước cần ít nhất 2 cơ quan ký; hiện có 1.", "Chưa nhập ngày ký."], p);
    }

    [Fact]
    public void SignProblems_DraftWithCopyTwoSignatoriesAndDate_None()
    {
        Assert.Empty(AgreementRules.SignProblems(AgreementState.Draft, true, 2, new DateOnly(2019, 1, 18)));
    }

    [Fact]
    public void SignProblems_AlreadySigned_Refused()
    {
        Assert.Contains("Giao ước đã ký; không ký lại.", AgreementRules.SignProblems(AgreementState.SignedOff, true, 14, new DateOnly(2019, 1, 18)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void CorrectionProblem_SignedWithoutReason_AsksForReason(string? reason)
    {
        Assert.Equal("Giao ước đã ký: hãy nhập lý do đính chính.", AgreementRules.CorrectionProblem(AgreementState.SignedOff, reason));
    }

    [Fact]
    public void CorrectionProblem_DraftWithoutReason_Allowed()
    {
        Assert.Null(AgreementRules.CorrectionProblem(AgreementState.Draft, null));
        Assert.Null(AgreementRules.CorrectionProblem(AgreementState.SignedOff, "Sai chính tả tên cơ quan"));
    }

    [Theory]
    [InlineData(1999, "Năm giao ước phải từ 2000 đến 2100.")]
    [InlineData(2101, "Năm giao ước phải từ 2000 đến 2100.")]
    public void Check_YearOutOfRange_NamesTheField(int year, string message)
    {
        Assert.Contains(message, AgreementRules.Check(new AgreementInput(1, year, "Giao ước", null, null, null)));
    }

    [Fact]
    public void Check_SignedOnInAnotherYear_Refused()
    {
        var errors = AgreementRules.Check(new AgreementInput(1, 2019, "Giao ước", null, new DateOnly(2017, 12, 30), "Hà Nội"));
        Assert.Equal(["Ngày ký (30/12/2017) phải thuộc năm 2019 hoặc cuối năm 2018."], errors);
        Assert.Empty(AgreementRules.Check(new AgreementInput(1, 2019, "Giao ước", null, new DateOnly(2018, 12, 28), "Hà Nội")));
    }

    [Fact]
    public void MinimalPdf_OnePage_HasAValidCrossReferenceTable()
    {
        var bytes = ThiDua.Infrastructure.MinimalPdf.Create(["GIAO UOC (2019)", "Tiếng Việt có dấu \\ ()"]);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.StartsWith("%PDF-1.4", text);
        Assert.EndsWith("%%EOF\n", text);
        Assert.All(bytes, b => Assert.True(b < 128));
        var startxref = int.Parse(Regex.Match(text, @"startxref\n(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[startxref..]);
        var offsets = Regex.Matches(text, @"(\d{10}) 00000 n ").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, offsets.Count);
        for (var i = 0; i < offsets.Count; i++) Assert.StartsWith($"{i + 1} 0 obj", text[offsets[i]..]);
        var length = int.Parse(Regex.Match(text, @"/Length (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stream = Regex.Match(text, "stream\n(.*?)endstream", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(length, stream.Length);
        Assert.Contains("(GIAO UOC \\(2019\\)) Tj", text);
    }
}
