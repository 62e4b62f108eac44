using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>The people workbook: the sheets and columns the import template offers and the export writes.</summary>
public static class PeopleWorkbook
{
    public const string PeopleSheet = "Nhân sự";
    public const string RatingsSheet = "Xếp loại";
    public const string DisciplineSheet = "Kỷ luật";
    public const string InitiativesSheet = "Sáng kiến";
    public const string AwardsSheet = "Khen thưởng";
    public const string GuideSheet = "Hướng dẫn";

    public const string Code = "Mã cá nhân", Family = "Họ", Middle = "Tên đệm", Given = "Tên", GenderCol = "Giới tính",
        Birth = "Ngày sinh", PositionCol = "Chức vụ", UnitCode = "Mã đơn vị", Hired = "Ngày tuyển dụng", UnitName = "Tên đơn vị",
        Year = "Năm", RatingCol = "Xếp loại", Level = "Hình thức", From = "Từ ngày", To = "Đến ngày", Decision = "Số quyết định",
        Title = "Tên sáng kiến", Scope = "Phạm vi", UsedFor = "Đã dùng làm căn cứ cho", AwardCode = "Mã danh hiệu, hình thức",
        Authority = "Cấp quyết định", DecisionDate = "Ngày quyết định", PeriodTo = "Thành tích đến năm", Basis = "Loại thành tích",
        NationalIdCol = "Số CCCD", CivilServantCol = "Mã CBCCVC";

    public static readonly string[] PeopleColumns = [Code, Family, Middle, Given, GenderCol, Birth, PositionCol, UnitCode, Hired, NationalIdCol, CivilServantCol];
    public static readonly string[] RatingColumns = [Code, Year, RatingCol];
    public static readonly string[] DisciplineColumns = [Code, Level, From, To, Decision];
    public static readonly string[] InitiativeColumns = [Code, Year, Title, Scope, UsedFor];
    public static readonly string[] AwardColumns = [Code, Year, AwardCode, Authority, Decision, DecisionDate, PeriodTo, Basis];

    /// <summary>
    /// The personal code of the example the template once carried on its data sheets. Templates downloaded before the
    /// examples moved to the guide still have it under the headers, where a newcomer types below it: the importer
    /// skips those rows instead of registering the example person.
    /// </summary>
    public const string ExampleCode = "001085000123";

    /// <summary>How each column is written: codes as Text (so leading zeros stay when typed), dates as dates.</summary>
    public static XlsxColumnKind Kind(string column) => column switch
    {
        Code or UnitCode or NationalIdCol or CivilServantCol => XlsxColumnKind.Code,
        Birth or Hired or From or To or DecisionDate => XlsxColumnKind.Date,
        Year or PeriodTo => XlsxColumnKind.Number,
        _ => XlsxColumnKind.Text,
    };

    public static IReadOnlyList<XlsxColumn> Columns(IEnumerable<string> names) =>
        names.Select(n => new XlsxColumn(n, Kind(n), n is Title or Authority or UnitName or UsedFor or AwardCode ? 30 : 16)).ToList();

    /// <summary>
    /// The template: the five data sheets with their headers only (examples in a data row get imported as people
    /// when someone types under them), and the guide with the column notes and one example per sheet.
    /// </summary>
    public static byte[] Template()
    {
        IEnumerable<IReadOnlyList<object?>> none = [];
        var sheets = new List<XlsxSheet>
        {
            new(PeopleSheet, Columns(PeopleColumns), none),
            new(RatingsSheet, Columns(RatingColumns), none),
            new(DisciplineSheet, Columns(DisciplineColumns), none),
            new(InitiativesSheet, Columns(InitiativeColumns), none),
            new(AwardsSheet, Columns(AwardColumns), none),
            new(GuideSheet, [new XlsxColumn(GuideColumn, Width: 30), new XlsxColumn(GuideText, Width: 120)], Guide().Select(l => (IReadOnlyList<object?>)[l.Item1, l.Item2])),
        };
        using var ms = new MemoryStream();
        XlsxWriter.Write(ms, sheets);
        return ms.ToArray();
    }

    public const string GuideColumn = "Cột", GuideText = "Hướng dẫn";

    /// <summary>One award in the sheet's columns, written as the importer reads it back, so a re-import changes nothing.</summary>
    public static IReadOnlyList<object?> AwardCells(string personalCode, Awards.AwardRecord a) =>
        [personalCode, a.Year, a.Code, a.Authority, a.DecisionNumber, a.DecisionDate, a.PeriodTo, Awards.AwardRecord.BasisLabel(a.Basis)];

    private static string Example(string[] columns, params string[] values) =>
        string.Join("; ", columns.Select((c, i) => $"{c}: {(i < values.Length && values[i].Length > 0 ? values[i] : "(để trống)")}"));

    private static IEnumerable<(string, string)> Guide()
    {
        (string, string)[] lines =
        [
            ("Mã cá nhân", "Bắt buộc, duy nhất (số CCCD hoặc mã cán bộ). Nhập lại cùng tệp không tạo bản ghi trùng."),
            ("Họ, Tên đệm, Tên", "Họ và Tên bắt buộc; Tên đệm có thể để trống."),
            ("Giới tính", "Nam hoặc Nữ."),
            (NationalIdCol, $"Không bắt buộc. Số căn cước công dân đủ 12 chữ số, nhập dạng văn bản để giữ số 0 ở đầu; mỗi số CCCD thuộc một người. Để trống ô là xóa số đã lưu; tệp không có cột này thì giữ nguyên."),
            (CivilServantCol, $"Không bắt buộc. Mã cán bộ, công chức, viên chức: chữ, số, dấu chấm, gạch ngang, tối đa {PersonIds.CivilServantCodeMax} ký tự. Để trống ô là xóa mã đã lưu; tệp không có cột này thì giữ nguyên."),
            ("Ngày", "Dạng dd/mm/yyyy, ví dụ 05/03/2020 (hoặc ô kiểu ngày của Excel)."),
            ("Mã đơn vị", "Mã đơn vị đã có trong danh mục, trong phạm vi đơn vị của người nhập."),
            ("Xếp loại", "HTXSNV, HTTNV, HTNV hoặc KHTNV; mỗi người một dòng cho mỗi năm."),
            ("Hình thức kỷ luật", "khiển trách, cảnh cáo, cách chức, buộc thôi việc."),
            ("Phạm vi sáng kiến", "cơ sở, bộ (cấp bộ, ban) hoặc toàn quốc."),
            ("Mã danh hiệu, hình thức", string.Join(", ", Awards.AwardRecord.Codes.Keys)),
            ("Năm (trang Khen thưởng)", "Năm của quyết định khen thưởng."),
            (PeriodTo, $"Năm cuối của thời gian lập được thành tích ghi trong quyết định (ví dụ Bằng khen quyết định năm 2023 cho thành tích 2021–2022: ghi 2022). Từ {Awards.AwardRecord.FirstPeriodYear} đến năm quyết định; để trống nếu quyết định không ghi, khi đó tính theo năm quyết định. Lần khen tiếp theo cùng hình thức chỉ tính thành tích sau năm này."),
            (Basis, "Công trạng (thành tích theo thời gian), Đột xuất (thành tích đột xuất) hoặc Chuyên đề (thi đua theo chuyên đề); viết hoa, thường, có dấu hay không dấu đều được; để trống là Công trạng. Theo Luật 2022, khen thưởng đột xuất, chuyên đề không làm căn cứ cho khen thưởng công trạng."),
            ("Cách nhập", "Mặc định: nếu có dòng lỗi thì không ghi dòng nào. Có thể chọn chỉ ghi các dòng hợp lệ."),
            ("Giới hạn", $"Mỗi trang tối đa {Infrastructure.VnFormat.Number(PeopleImporter.MaxRowsPerSheet)} dòng, mỗi ô tối đa {Infrastructure.VnFormat.Number(PeopleImporter.MaxCellChars)} ký tự, tệp tối đa {PeopleImporter.MaxFileBytes / 1024 / 1024} MB."),
            ("Ví dụ", "Các dòng dưới đây chỉ để tham khảo, nằm ở trang Hướng dẫn nên không được nhập. Nhập dữ liệu thật ở các trang Nhân sự, Xếp loại, Kỷ luật, Sáng kiến, Khen thưởng, ngay dưới dòng tiêu đề."),
            ($"Ví dụ trang {PeopleSheet}", Example(PeopleColumns, ExampleCode, "Nguyễn", "Văn", "Đức", "Nam", "15/04/1985", "Chuyên viên", "BTCTW-D01", "01/09/2010")),
            ($"Ví dụ trang {RatingsSheet}", Example(RatingColumns, ExampleCode, "2024", "HTXSNV")),
            ($"Ví dụ trang {DisciplineSheet}", Example(DisciplineColumns, ExampleCode, "khiển trách", "01/07/2020", "30/06/2021", "12-QĐ/BTCTW")),
            ($"Ví dụ trang {InitiativesSheet}", Example(InitiativeColumns, ExampleCode, "2024", "Cải tiến quy trình thẩm định hồ sơ", "cơ sở", "")),
            ($"Ví dụ trang {AwardsSheet}", Example(AwardColumns, ExampleCode, "2023", "BK_BO", "Trưởng Ban Tổ chức Trung ương", "130-QĐ/BTCTW", "15/01/2023", "2022", "Công trạng")),
        ];
        return lines;
    }
}
