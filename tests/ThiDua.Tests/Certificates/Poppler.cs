using System.Diagnostics;
using System.Globalization;
using ZXing;
using ZXing.Common;

namespace ThiDua.Tests.Certificates;

/// <summary>poppler-utils (pdffonts, pdftoppm, pdfinfo, pdftotext; test.sh installs them) on a PDF written to a temporary file.</summary>
internal static class Poppler
{
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException(tool);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited {p.ExitCode}: {await stderr}");
        return await stdout;
    }

    public static string Save(byte[] pdf)
    {
        var dir = Path.Combine(Path.GetTempPath(), "thidua-tests", "certificates");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", Save(pdf));
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The first page as a grey image (pdftoppm -gray: a binary PGM, parsed here).</summary>
    public static async Task<Gray> RenderAsync(byte[] pdf, int dpi)
    {
        var path = Save(pdf);
        var stem = Path.ChangeExtension(path, null);
        await RunAsync("pdftoppm", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", "1", "-l", "1", "-singlefile", path, stem);
        return Gray.ReadPgm(await File.ReadAllBytesAsync(stem + ".pgm"));
    }
}

/// <summary>An 8-bit grey image.</summary>
internal sealed record Gray(int Width, int Height, byte[] Pixels)
{
    public static Gray ReadPgm(byte[] file)
    {
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[pos])) pos++;
            var start = pos;
            while (!char.IsWhiteSpace((char)file[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(file, start, pos - start);
        }
        Assert.Equal("P5", Token());
        var w = int.Parse(Token(), CultureInfo.InvariantCulture);
        var h = int.Parse(Token(), CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        pos++; // the single whitespace before the raster
        return new Gray(w, h, file.AsSpan(pos, w * h).ToArray());
    }

    public byte At(int x, int y) => Pixels[y * Width + x];

    /// <summary>Dark pixels (below mid-grey) in a rectangle given in points of the page (72 per inch) at <paramref name="dpi"/>.</summary>
    public int Ink(double x0, double y0, double x1, double y1, int dpi)
    {
        int X(double pt) => Math.Clamp((int)(pt * dpi / 72), 0, Width);
        int Y(double pt) => Math.Clamp((int)(pt * dpi / 72), 0, Height);
        var n = 0;
        for (var y = Y(y0); y < Y(y1); y++)
            for (var x = X(x0); x < X(x1); x++)
                if (At(x, y) < 128) n++;
        return n;
    }

    /// <summary>Pixels that differ (dark in one, light in the other) within a rectangle in points.</summary>
    public int Differences(Gray other, double x0, double y0, double x1, double y1, int dpi)
    {
        int X(double pt) => Math.Clamp((int)(pt * dpi / 72), 0, Width);
        int Y(double pt) => Math.Clamp((int)(pt * dpi / 72), 0, Height);
        var n = 0;
        for (var y = Y(y0); y < Y(y1); y++)
            for (var x = X(x0); x < X(x1); x++)
                if ((At(x, y) < 128) != (other.At(x, y) < 128)) n++;
        return n;
    }

    /// <summary>Decodes the QR code found in the image (ZXing, from the grey pixels themselves).</summary>
    public string? DecodeQr()
    {
        var source = new RGBLuminanceSource(Pixels, Width, Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new ZXing.QrCode.QRCodeReader();
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
    }
}
