using System.Diagnostics;
using ThiDua.Features.People;
using ThiDua.Infrastructure;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Tests.People;

/// <summary>Hostile workbooks are refused by the streaming reader before any row is processed, at a bounded cost.</summary>
public sealed class ImportLimitsTests
{
    private static string Refusal(byte[] xlsx, out long allocated, out TimeSpan elapsed)
    {
        using var ms = new MemoryStream(xlsx);
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<XlsxRefusedException>(() =>
        {
            using var reader = new XlsxReader(ms, PeopleImporter.Limits);
            foreach (var sheet in reader.SheetNames) reader.Scan(sheet);
        });
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        elapsed = watch.Elapsed;
        return ex.Message;
    }

    [Fact]
    public void Read_SharedStringOf64MillionCharacters_IsRefusedNamingSheetAndCell_WithoutHoldingIt()
    {
        const int length = 64 * 1024 * 1024;
        var xlsx = HostileWorkbook.Build(W.PeopleSheet,
            w => { HostileWorkbook.Header(w, W.Code, W.Family); w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>001085000999</t></is></c><c r=\"B2\" t=\"s\"><v>0</v></c></row>"); },
            w => { w.Write("<si><t>"); var block = new string('a', 1 << 16); for (var n = 0; n < length; n += block.Length) w.Write(block); w.Write("</t></si>"); });
        Assert.True(xlsx.Length < 1024 * 1024);

        var message = Refusal(xlsx, out var allocated, out _);

        Assert.Equal($"Trang \"{W.PeopleSheet}\", ô B2: nội dung dài hơn giới hạn 4.000 ký tự mỗi ô; chưa đọc dòng nào.", message);
        // The cell is 128 MB as a .NET string; reading it costs buffers, not the cell.
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Read_InlineCellOverLimit_IsRefused()
    {
        var xlsx = HostileWorkbook.Build(W.RatingsSheet,
            w => { HostileWorkbook.Header(w, W.Code); w.Write($"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{new string('x', 4_001)}</t></is></c></row>"); });
        Assert.Equal($"Trang \"{W.RatingsSheet}\", ô A2: nội dung dài hơn giới hạn 4.000 ký tự mỗi ô; chưa đọc dòng nào.", Refusal(xlsx, out _, out _));
    }

    [Theory]
    [InlineData("A1:B1048576")]
    [InlineData(null)]
    public void Read_RowAtTheLastSpreadsheetRow_IsRefusedQuickly(string? dimension)
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet,
            w => { HostileWorkbook.Header(w, W.Code, W.Family); w.Write("<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>"); }, dimension: dimension);
        Assert.True(xlsx.Length < 4 * 1024);

        var message = Refusal(xlsx, out var allocated, out var elapsed);

        Assert.Equal($"Trang \"{W.PeopleSheet}\" có dữ liệu đến dòng 1.048.576, vượt giới hạn 50.000 dòng mỗi trang; hãy chia thành nhiều tệp. Chưa đọc dòng nào.", message);
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated:N0} bytes");
        // No wall-clock assertion (flaky under load): the allocation bound above shows no row was materialised.
        _ = elapsed;
    }

    [Fact]
    public void Read_ExpandedSizeOverLimit_IsRefusedBeforeInflating()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet, w => HostileWorkbook.Header(w, W.Code), padding: ("xl/media/padding.xml", 101L * 1024 * 1024));
        var message = Refusal(xlsx, out var allocated, out _);
        Assert.Equal("Tệp khi giải nén lớn hơn giới hạn 100 MB (nội dung nén bất thường); chưa đọc dòng nào.", message);
        Assert.True(allocated < 2 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Read_RowsWithGapsAndHeaders_YieldsRealRowNumbersAndSkipsBlankRows()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet, w =>
        {
            HostileWorkbook.Header(w, W.Code, W.Year);
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t> </t></is></c></row>");
            w.Write("<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>001085000999</t></is></c><c r=\"B5\"><v>2024</v></c><c r=\"XFD5\"><v>1</v></c></row>");
        });
        using var ms = new MemoryStream(xlsx);
        using var reader = new XlsxReader(ms, PeopleImporter.Limits);
        var (headers, rows) = reader.Scan(W.PeopleSheet);
        Assert.Equal(1, rows);
        Assert.Equal([W.Code, W.Year], headers);
        var (row, cells) = Assert.Single(reader.Rows(W.PeopleSheet));
        Assert.Equal(5, row);
        Assert.Equal("001085000999", cells[W.Code]);
        Assert.Equal(2024d, cells[W.Year]);
    }

    [Fact]
    public void Read_OneRowNumberRepeatedPastTheLimit_IsRefused()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet, w =>
        {
            HostileWorkbook.Header(w, "Mã cá nhân");
            for (var i = 0; i < 60_000; i++) w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        });
        Assert.StartsWith($"Trang \"{W.PeopleSheet}\" có dữ liệu đến dòng", Refusal(xlsx, out _, out _));
    }

    [Fact]
    public void Read_DeepNesting_IsRefusedBeforeTheParserGrowsWithIt()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet, w =>
        {
            for (var i = 0; i < 100_000; i++) w.Write("<a>");
        });
        Assert.StartsWith("Tệp có cấu trúc XML bất thường", Refusal(xlsx, out var allocated, out _));
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Read_TagWithAMillionAttributes_IsRefusedBeforeParsingIt()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet, w =>
        {
            w.Write("<row r=\"1\"");
            for (var i = 0; i < 1_000_000; i++) w.Write($" a{i}=\"1\"");
            w.Write("/>");
        });
        Assert.StartsWith("Tệp có cấu trúc XML bất thường", Refusal(xlsx, out var allocated, out _));
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Read_MillionsOfEmptySharedStrings_AreRefused()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet, w => HostileWorkbook.Header(w, "Mã cá nhân"), w =>
        {
            for (var i = 0; i < 2_100_000; i++) w.Write("<si/>");
        });
        Assert.StartsWith("Tệp có hơn", Refusal(xlsx, out _, out _));
    }
}
