using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace ThiDua.Features.Certificates;

/// <summary>
/// Serves the serif the certificates are set in — DejaVu Serif (regular, bold, italic, bold italic), shipped in
/// src/ThiDua.Web/Fonts with its licence and embedded in the assembly — so a clean machine renders the same PDF.
/// Every family PDFsharp asks for resolves to it: the app draws nothing else, and a glyph must never fall back to a
/// font without Vietnamese marks. Installed once per process (PDFsharp takes one resolver, before any font is used).
/// </summary>
internal sealed class CertificateFontResolver : IFontResolver
{
    public const string Family = "DejaVu Serif";
    public static readonly CertificateFontResolver Instance = new();
    private static readonly Lock InstallLock = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private CertificateFontResolver()
    {
    }

    /// <summary>Makes this the PDFsharp font resolver; safe to call from any request, any number of times.</summary>
    public static void EnsureInstalled()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                throw new InvalidOperationException("Another PDFsharp font resolver is installed; certificates need CertificateFontResolver (Features/Certificates).");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSerif-BoldItalic",
            (true, false) => "DejaVuSerif-Bold",
            (false, true) => "DejaVuSerif-Italic",
            _ => "DejaVuSerif",
        });

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(CertificateFontResolver).Assembly.GetManifestResourceStream($"Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"Font {name}.ttf is not embedded in the assembly (see ThiDua.Web.csproj).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
