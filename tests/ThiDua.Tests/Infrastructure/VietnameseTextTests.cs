using System.Text;
using ThiDua.Infrastructure;

namespace ThiDua.Tests.Infrastructure;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("NGUYỄN VĂN ĐỨC", "nguyen van duc")]
    [InlineData("Đặng Thị Ngọc Ánh", "dang thi ngoc anh")]
    [InlineData("Điểu K’ré", "dieu k’re")]
    [InlineData("Hoàng Ngọc Ẩn", "hoang ngoc an")]
    [InlineData("Trương Thị Ướt", "truong thi uot")]
    [InlineData("Phạm Quỳnh Hương", "pham quynh huong")]
    [InlineData("Lê Thị Ỷ", "le thi y")]
    [InlineData("Vũ Đình Ưởng", "vu dinh uong")]
    [InlineData("  Bùi   Xuân\tPhái ", "bui xuan phai")]
    [InlineData("Ngô Bảo Châu", "ngo bao chau")]
    public void Fold_RealNames_DropsToneAndVowelMarksAndD(string name, string expected) => Assert.Equal(expected, VietnameseText.Fold(name));

    [Theory]
    [InlineData("Nguyễn Văn Đức")]
    [InlineData("Đặng Thị Ngọc Ánh")]
    [InlineData("Trương Ướt")]
    [InlineData("Hoàng Ngọc Ẩn")]
    public void Fold_CombiningMarkInput_EqualsPrecomposed(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(name, decomposed);
        Assert.Equal(VietnameseText.Fold(name), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Fold_StackedMarksTypedInAnyOrder_FoldTheSame()
    {
        // ệ = e + circumflex + dot below; typed as e + dot below + circumflex by some keyboards.
        var a = "Nguye\u0302\u0323n";
        var b = "Nguye\u0323\u0302n";
        Assert.Equal("nguyen", VietnameseText.Fold(a));
        Assert.Equal(VietnameseText.Fold(a), VietnameseText.Fold(b));
    }

    [Fact]
    public void SortKey_Names_FollowVietnameseAlphabetThenTones()
    {
        // Within the same letters, tones order: ngang, huyền, hỏi, ngã, sắc, nặng.
        string[] expected = ["An", "Anh", "Ánh", "Ăn", "Ân", "Bình", "Cường", "Dung", "Dũng", "Đào", "Đức", "Giang", "Hà", "Hạ", "Hải", "Hoa", "Hòa", "Ôn", "Ơn", "Uyên", "Ưng", "Yến"];
        var shuffled = expected.OrderBy(s => s.GetHashCode(StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected, shuffled.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal));
    }

    [Fact]
    public void SortKey_Tones_OrderNgangHuyenHoiNgaSacNang()
    {
        string[] expected = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"];
        Assert.Equal(expected, expected.Reverse().OrderBy(VietnameseText.SortKey, StringComparer.Ordinal));
    }

    [Fact]
    public void PersonSortKey_SortsByGivenNameThenFamilyThenMiddle()
    {
        (string Family, string? Middle, string Given)[] people =
        [
            ("Trần", "Văn", "An"), ("Nguyễn", "Thị", "Ánh"), ("Đỗ", null, "An"), ("Bùi", "Thị", "Hà"), ("Bùi", "Minh", "An"),
            ("Nguyễn", "Văn", "Đức"), ("Nguyễn", "Văn", "Dũng"), ("Lê", "Văn", "Đức"), ("Đặng", "Văn", "Đức"),
        ];
        var sorted = people.OrderBy(p => VietnameseText.PersonSortKey(p.Family, p.Middle, p.Given), StringComparer.Ordinal)
            .Select(p => VietnameseText.FullName(p.Family, p.Middle, p.Given)).ToList();
        Assert.Equal(["Bùi Minh An", "Đỗ An", "Trần Văn An", "Nguyễn Thị Ánh", "Nguyễn Văn Dũng", "Đặng Văn Đức", "Lê Văn Đức", "Nguyễn Văn Đức", "Bùi Thị Hà"], sorted);
    }

    [Fact]
    public void SortKey_CombiningMarkInput_SortsLikePrecomposed() =>
        Assert.Equal(VietnameseText.SortKey("Đặng Ướt"), VietnameseText.SortKey("Đặng Ướt".Normalize(NormalizationForm.FormD)));
}

public sealed class VnFormatTests
{
    [Theory]
    [InlineData("2020-03-05T07:03:00Z", "T5, 05/03/2020 - 14:03")] // the seed article: Thursday 14:03 in Hà Nội
    [InlineData("2020-03-08T02:00:00Z", "CN, 08/03/2020 - 09:00")]
    [InlineData("2020-03-08T17:30:00Z", "T2, 09/03/2020 - 00:30")] // UTC evening is the next morning in Vietnam
    [InlineData("2026-11-28T16:59:00Z", "T7, 28/11/2026 - 23:59")]
    public void DateTime_Utc_ShowsVietnameseWeekdayAndLocalTime(string utc, string expected) =>
        Assert.Equal(expected, VnFormat.DateTime(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Theory]
    [InlineData(5500, "5.500")]
    [InlineData(5520, "5.520")]
    [InlineData(1000000, "1.000.000")]
    [InlineData(14, "14")]
    [InlineData(0, "0")]
    public void Number_UsesDotForThousands(long n, string expected) => Assert.Equal(expected, VnFormat.Number(n));

    [Theory]
    [InlineData("05/03/2020", 2020, 3, 5)]
    [InlineData("5/3/2020", 2020, 3, 5)]
    [InlineData("2020-03-05", 2020, 3, 5)]
    public void TryParseDate_AcceptsOfficerAndHtmlFormats(string s, int y, int m, int d)
    {
        Assert.True(VnFormat.TryParseDate(s, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2020")]
    [InlineData("03/05")]
    [InlineData("")]
    public void TryParseDate_Invalid_IsRefused(string s) => Assert.False(VnFormat.TryParseDate(s, out _));
}
