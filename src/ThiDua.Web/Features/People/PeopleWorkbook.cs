using MiniExcelLibs;

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
        Authority = "Cấp quyết định", DecisionDate = "Ngày quyết định", PeriodTo = "Thành tích đến năm", Basis = "Loại thành tích";

    public static readonly string[] PeopleColumns = [Code, Family, Middle, Given, GenderCol, Birth, PositionCol, UnitCode, Hired];
    public static readonly string[] RatingColumns = [Code, Year, RatingCol];
    public static readonly string[] DisciplineColumns = [Code, Level, From, To, Decision];
    public static readonly string[] InitiativeColumns = [Code, Year, Title, Scope, UsedFor];
    public static readonly string[] AwardColumns = [Code, Year, AwardCode, Authority, Decision, DecisionDate, PeriodTo, Basis];

    /// <summary>The template: the five sheets with their headers, one example row each, and a guide.</summary>
    public static byte[] Template()
    {
        var sheets = new Dictionary<string, object>
        {
            [PeopleSheet] = new[] { Row(PeopleColumns, "001085000123", "Nguyễn", "Văn", "Đức", "Nam", "15/04/1985", "Chuyên viên", "BTCTW-D01", "01/09/2010") },
            [RatingsSheet] = new[] { Row(RatingColumns, "001085000123", 2024, "HTXSNV") },
            [DisciplineSheet] = new[] { Row(DisciplineColumns, "001085000123", "khiển trách", "01/07/2020", "30/06/2021", "12-QĐ/BTCTW") },
            [InitiativesSheet] = new[] { Row(InitiativeColumns, "001085000123", 2024, "Cải tiến quy trình thẩm định hồ sơ", "cơ sở", "") },
            [AwardsSheet] = new[]
            {
                Row(AwardColumns, "001085000123", 2024, "LDTT", "Thủ trưởng cơ quan", "25-QĐ/BTCTW", "20/01/2025", null, "Công trạng"),
                Row(AwardColumns, "001085000123", 2023, "BK_BO", "Trưởng Ban Tổ chức Trung ương", "130-QĐ/BTCTW", "15/01/2023", 2022, "Công trạng"),
            },
            [GuideSheet] = Guide(),
        };
        using var ms = new MemoryStream();
        ms.SaveAs(sheets, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }

    /// <summary>One award in the sheet's columns, written as the importer reads it back, so a re-import changes nothing.</summary>
    public static Dictionary<string, object?> AwardCells(string personalCode, Awards.AwardRecord a) =>
        Row(AwardColumns, personalCode, a.Year, a.Code, a.Authority, a.DecisionNumber, Infrastructure.VnFormat.Date(a.DecisionDate), a.PeriodTo, Awards.AwardRecord.BasisLabel(a.Basis));

    private static Dictionary<string, object?> Row(string[] columns, params object?[] values)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Length; i++) row[columns[i]] = i < values.Length ? values[i] : null;
        return row;
    }

    private static IEnumerable<Dictionary<string, object?>> Guide()
    {
        (string, string)[] lines =
        [
            ("Mã cá nhân", "Bắt buộc, duy nhất (số CCCD hoặc mã cán bộ). Nhập lại cùng tệp không tạo bản ghi trùng."),
            ("Họ, Tên đệm, Tên", "Họ và Tên bắt buộc; Tên đệm có thể để trống."),
            ("Giới tính", "Nam hoặc Nữ."),
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
        ];
        return lines.Select(l => new Dictionary<string, object?> { ["Cột"] = l.Item1, ["Hướng dẫn"] = l.Item2 });
    }
}
