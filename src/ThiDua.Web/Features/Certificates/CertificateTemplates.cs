using ThiDua.Features.Eligibility;

namespace ThiDua.Features.Certificates;

/// <summary>
/// How one form is printed: the title in large capitals, an optional line naming the title conferred, the word that
/// introduces the recipient ("Tặng" on a Bằng khen or Giấy khen, "Chứng nhận" on the certificate of a title), the
/// abbreviation the certificate register uses ("12/BK-2020") and the stem of the file name ("bang-khen-{code}.pdf").
/// </summary>
public sealed record CertificateTemplate(string Code, string Title, string? TitleLine, string Lead, string RegisterSymbol, string FileStem)
{
    /// <summary>The register number as printed: "Số sổ: 12/BK-2020" — number, the form's symbol, the decision's year.</summary>
    public string RegisterNumber(int? number, int year) =>
        number is { } n ? FormattableString.Invariant($"{n}/{RegisterSymbol}-{year}") : FormattableString.Invariant($"—/{RegisterSymbol}-{year}");

    public string FileName(string code) => FormattableString.Invariant($"{FileStem}-{code}.pdf");
}

/// <summary>The templates by award code (<see cref="EligibilityCodes.Catalogue"/>); an unknown code prints as a certificate of its name.</summary>
public static class CertificateTemplates
{
    private static readonly Dictionary<string, CertificateTemplate> ByCode = new(StringComparer.Ordinal)
    {
        [EligibilityCodes.BK_BO] = new(EligibilityCodes.BK_BO, "BẰNG KHEN", null, "Tặng", "BK", "bang-khen"),
        [EligibilityCodes.BK_TTG] = new(EligibilityCodes.BK_TTG, "BẰNG KHEN", null, "Tặng", "BK.TTg", "bang-khen"),
        ["GK"] = new("GK", "GIẤY KHEN", null, "Tặng", "GK", "giay-khen"),
        [EligibilityCodes.CSTDCS] = new(EligibilityCodes.CSTDCS, "GIẤY CHỨNG NHẬN", "Danh hiệu Chiến sĩ thi đua cơ sở", "Chứng nhận", "CSTDCS", "chien-si-thi-dua-co-so"),
        [EligibilityCodes.CSTD_BO] = new(EligibilityCodes.CSTD_BO, "BẰNG CHIẾN SĨ THI ĐUA", "Danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Tặng", "CSTD", "chien-si-thi-dua"),
        [EligibilityCodes.CSTDTQ] = new(EligibilityCodes.CSTDTQ, "BẰNG CHIẾN SĨ THI ĐUA TOÀN QUỐC", "Danh hiệu Chiến sĩ thi đua toàn quốc", "Tặng", "CSTDTQ", "chien-si-thi-dua-toan-quoc"),
        [EligibilityCodes.LDTT] = new(EligibilityCodes.LDTT, "GIẤY CHỨNG NHẬN", "Danh hiệu Lao động tiên tiến", "Chứng nhận", "LĐTT", "lao-dong-tien-tien"),
        [EligibilityCodes.TTLDTT] = new(EligibilityCodes.TTLDTT, "GIẤY CHỨNG NHẬN", "Danh hiệu Tập thể lao động tiên tiến", "Chứng nhận", "TTLĐTT", "tap-the-lao-dong-tien-tien"),
        [EligibilityCodes.TTLDXS] = new(EligibilityCodes.TTLDXS, "BẰNG CHỨNG NHẬN", "Danh hiệu Tập thể lao động xuất sắc", "Chứng nhận", "TTLĐXS", "tap-the-lao-dong-xuat-sac"),
        ["CO_BO"] = new("CO_BO", "GIẤY CHỨNG NHẬN", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", "Tặng", "CTĐ", "co-thi-dua"),
        ["CO_CP"] = new("CO_CP", "GIẤY CHỨNG NHẬN", "Cờ thi đua của Chính phủ", "Tặng", "CTĐ.CP", "co-thi-dua-chinh-phu"),
    };

    public static CertificateTemplate For(string code) =>
        ByCode.TryGetValue(code, out var t) ? t : new(code, "GIẤY CHỨNG NHẬN", EligibilityCodes.VietnameseName(code), "Chứng nhận", "GCN", "giay-chung-nhan");

    public static IReadOnlyCollection<CertificateTemplate> All => ByCode.Values;
}
