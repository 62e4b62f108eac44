using ThiDua.Features.Movements;

namespace ThiDua.Tests.Movements;

/// <summary>Pure rules: validation of a movement, who manages it, the generated PDF.</summary>
public sealed class MovementRulesTests
{
    private static MovementInput Valid() => new() { Year = 2019, Theme = "Thi đua", Kind = MovementKind.Regular };

    private static MovementActor Officer(int agency) => new("o", false, true, agency, new HashSet<int> { agency, agency + 1000 });

    [Fact]
    public void Validate_ThematicWithoutDates_NamesBothDates()
    {
        var input = Valid();
        input.Kind = MovementKind.Thematic;
        Assert.Contains("Ngày bắt đầu, ngày kết thúc: phong trào chuyên đề phải có cả hai ngày.", MovementService.Validate(input));
    }

    [Fact]
    public void Validate_EndBeforeStart_IsRefused()
    {
        var input = Valid();
        input.StartDate = new DateOnly(2019, 5, 1);
        input.EndDate = new DateOnly(2019, 4, 1);
        Assert.Contains("Ngày kết thúc: không được trước ngày bắt đầu.", MovementService.Validate(input));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(int.MaxValue)]
    public void Validate_YearOutOfRange_IsRefused(int year)
    {
        var input = Valid();
        input.Year = year;
        Assert.Contains("Năm: phải từ 2000 đến 2100.", MovementService.Validate(input));
    }

    [Fact]
    public void Validate_UndefinedEnumOrNationalWithoutAuthority_IsRefused()
    {
        var input = Valid();
        input.Scope = (MovementScope)42;
        input.IsNational = true;
        var errors = MovementService.Validate(input);
        Assert.Contains("Phạm vi: không hợp lệ.", errors);
        Assert.Contains(errors, e => e.StartsWith("Cơ quan, người phát động: hãy nhập", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Valid_HasNoErrors() => Assert.Empty(MovementService.Validate(Valid()));

    [Fact]
    public void CanManage_OfficerOwnAgencyMovement_YesOtherAgencyOrBlocOrNational_No()
    {
        var officer = Officer(7);
        Assert.True(MovementService.CanManage(new Movement { Theme = "x", LaunchedByUnitId = 7 }, officer));
        Assert.False(MovementService.CanManage(new Movement { Theme = "x", LaunchedByUnitId = 8 }, officer));
        Assert.False(MovementService.CanManage(new Movement { Theme = "x", BlocId = 1 }, officer));
        Assert.False(MovementService.CanManage(new Movement { Theme = "x", IsNational = true, BlocId = 1 }, officer));
        Assert.False(MovementService.CanManage(new Movement { Theme = "x", LaunchedByUnitId = 7 }, officer with { Officer = false }));
        Assert.True(MovementService.CanManage(new Movement { Theme = "x", BlocId = 1 }, new MovementActor("s", true, true, 3, new HashSet<int>())));
    }

    [Fact]
    public void ActsFor_OfficerOwnAgencyOnly_SecretariatAny()
    {
        Assert.True(Officer(7).ActsFor(7));
        Assert.False(Officer(7).ActsFor(8));
        Assert.False((Officer(7) with { Officer = false }).ActsFor(7));
        Assert.True(new MovementActor("s", true, true, 3, new HashSet<int>()).ActsFor(8));
    }

    [Fact]
    public void MinimalPdf_VietnameseText_IsAsciiWithParenthesesEscaped()
    {
        var text = System.Text.Encoding.ASCII.GetString(ThiDua.Infrastructure.MinimalPdf.Create(["Chỉ thị (số 34) – Đảng"]));
        Assert.Contains("(Chi thi \\(so 34\\) - Dang) Tj", text);
        Assert.Equal("pdf", DocumentKindOf(text));
    }

    private static string DocumentKindOf(string text) => ThiDua.Infrastructure.DocumentFiles.Sniff(System.Text.Encoding.ASCII.GetBytes(text)) == ThiDua.Infrastructure.DocumentKind.Pdf ? "pdf" : "?";
}
