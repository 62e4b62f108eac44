using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ThiDua.Features.Votes;

namespace ThiDua.Tests.Votes;

/// <summary>The count (pure): quorum, threshold, places, invalid ballots, ties at the last place; and the minutes document.</summary>
public sealed class VoteCounterTests
{
    private static TallyQuestionInput Question(int places = 2, decimal quorum = 50, decimal threshold = 50, ThresholdBase of = ThresholdBase.Present) =>
        new(1, "CO_CP", places, quorum, threshold, of, VoteService.DefaultBasis, [(11, 101, "A", 1), (12, 102, "B", 2), (13, 103, "C", 3)]);

    private static TallyBallotInput B(params int[] ids) => new(false, ids);

    [Fact]
    public void Count_MajorityOfPresent_ElectsUpToThePlacesBestFirst()
    {
        var t = VoteCounter.Count(5, [Question()], [B(11, 12), B(11, 12), B(11, 13), B(12), B()]);
        var q = t.Questions.Single();
        Assert.Equal((5, 5, 5, 0, true), (t.Issued, t.Cast, q.Valid, q.Invalid, q.QuorumMet));
        Assert.Equal([3, 3, 1], q.Candidates.Select(c => c.Votes));
        Assert.Equal(["A", "B"], q.Elected.Select(c => c.Unit));
        Assert.Equal(0.6, q.Candidates[0].ShareOfPresent, 3);
    }

    [Fact]
    public void Count_ExactlyHalf_IsNotMoreThanHalfAndNotElected()
    {
        var q = VoteCounter.Count(4, [Question()], [B(11), B(11), B(12), B()]).Questions.Single();
        Assert.Empty(q.Elected);
        Assert.False(q.Candidates[0].PassesThreshold);
    }

    [Fact]
    public void Count_HalfOrFewerDelegatesPresent_QuorumNotMetNobodyElected()
    {
        var q = VoteCounter.Count(10, [Question()], [B(11), B(11), B(11), B(11), B(11)]).Questions.Single();
        Assert.False(q.QuorumMet);
        Assert.Empty(q.Elected);
        Assert.Contains("Không đủ số đại biểu", q.Note);
    }

    [Fact]
    public void Count_MoreTicksThanPlacesOrSpoiled_IsInvalidAndCountsForNobody()
    {
        var t = VoteCounter.Count(4, [Question(places: 1, of: ThresholdBase.Valid)], [B(11, 12), new TallyBallotInput(true, []), B(12), B(12)]);
        var q = t.Questions.Single();
        Assert.Equal((2, 2, 1), (q.Valid, q.Invalid, t.Spoiled));
        Assert.Equal([0, 2, 0], q.Candidates.Select(c => c.Votes));
        Assert.Equal(["B"], q.Elected.Select(c => c.Unit));
        Assert.Equal(1.0, q.Candidates[1].ShareOfValid, 3);
    }

    [Fact]
    public void Count_TieForTheLastPlace_LeavesTheTiedUnelectedWithANote()
    {
        var q = VoteCounter.Count(5, [Question(places: 2)], [B(11, 12), B(11, 13), B(11, 12), B(11, 13), B(12, 13)]).Questions.Single();
        Assert.Equal(["A"], q.Elected.Select(c => c.Unit));
        Assert.Contains("bỏ phiếu lại", q.Note);
    }

    [Fact]
    public void Minutes_Docx_PassesTheOpenXmlValidatorWithTheHeadingTitleAndTable()
    {
        var tally = VoteCounter.Count(14, [Question(places: 2)], Enumerable.Range(0, 14).Select(i => B(11, i % 2 == 0 ? 12 : 13)).Append(new TallyBallotInput(true, [])).ToList());
        var bytes = VoteMinutes.Build(new MinutesData("Khối thi đua các cơ quan Đảng Trung ương", "Bỏ phiếu suy tôn năm 2019", 2019, new DateOnly(2020, 3, 4), "Hà Nội",
            ["Nguyễn Văn A (Trưởng ban)", "Trần Thị B"], tally));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TRUNG ƯƠNG", text);
        Assert.Contains("Hà Nội, ngày 04 tháng 3 năm 2020", text);
        Assert.Contains("BIÊN BẢN KIỂM PHIẾU", text);
        Assert.Contains("TRƯỞNG BAN KIỂM PHIẾU", text);
        Assert.Contains("Nguyễn Văn A (Trưởng ban)", text);
        var sect = doc.MainDocumentPart.Document.Body.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>()!;
        var size = sect.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        Assert.Equal(3, doc.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn", "ABCDEFGHJKMN")]
    [InlineData(" ABCD EFGH JKMN ", "ABCDEFGHJKMN")]
    [InlineData("ABCDEFGHJKM", null)]
    [InlineData("ABCDEFGHJKM0", null)]
    [InlineData("", null)]
    public void NormalizeToken_TypedWithSpacesDashesOrCase_ReadsTheSameOrRefuses(string typed, string? expected) =>
        Assert.Equal(expected, VoteService.NormalizeToken(typed));
}
