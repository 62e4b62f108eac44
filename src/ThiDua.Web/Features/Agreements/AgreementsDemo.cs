using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.DemoData;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>The demo year 2019 for this feature, through the same code the pages call (see <see cref="BlocYearDemoContext"/>).</summary>
public static class AgreementsDemo
{
    public const string Title2019 = "Giao ước thi đua năm 2019 của Khối thi đua các cơ quan Đảng Trung ương";

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var service = new AgreementService(db, ctx.Services.GetRequiredService<DocumentFiles>());
        var files = ctx.Services.GetRequiredService<DocumentFiles>();
        var who = ctx.Secretariat;
        var signedOn = new DateOnly(2019, 1, 18);
        const string content =
            "Hưởng ứng chủ đề thi đua năm 2019 \"Đoàn kết, sáng tạo, thi đua xây dựng bảo vệ Tổ quốc, thực hiện thắng lợi Nghị quyết Đại hội XII của Đảng\", " +
            "các cơ quan thành viên Khối thi đua các cơ quan Đảng Trung ương cùng giao ước:\n" +
            "1. Hoàn thành xuất sắc nhiệm vụ chính trị được giao; tham mưu kịp thời, có chất lượng cho Bộ Chính trị, Ban Bí thư.\n" +
            "2. Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW) gắn với thực hiện văn hóa công sở.\n" +
            "3. Tổ chức các phong trào thi đua thiết thực, phát hiện, bồi dưỡng và nhân rộng gương điển hình tiên tiến.\n" +
            "4. Giữ vững đoàn kết nội bộ; không có cán bộ, đảng viên vi phạm kỷ luật; tham gia tích cực các hoạt động chung của Khối.\n" +
            "5. Thực hiện nghiêm chế độ báo cáo, chấm điểm và bình xét thi đua cuối năm theo quy chế của Khối.";
        var (id, errors) = await service.CreateAsync(who, new AgreementInput(ctx.BlocId, 2019, Title2019, content, signedOn, "Hà Nội"), ct);
        if (id is null) throw new InvalidOperationException(string.Join(" ", errors));
        var i = 0;
        foreach (var (code, unitId) in ctx.Agencies)
        {
            i++;
            var representative = code switch
            {
                "BTCTW" => ("Nguyễn Văn Hùng (minh họa)", "Phó Trưởng Ban"),
                "HVCTQG" => ("Trần Thị Lan (minh họa)", "Phó Giám đốc Học viện"),
                "BDVTW" => ("Lê Quang Minh (minh họa)", "Phó Trưởng Ban, Khối trưởng"),
                _ => ($"Đại diện lãnh đạo {i:00} (minh họa)", "Phó Thủ trưởng cơ quan"),
            };
            Check(await service.AddSignatoryAsync(who, id.Value, unitId, representative.Item1, representative.Item2, ct));
        }
        var pdf = Infrastructure.MinimalPdf.Create(
        [
            "DANG CONG SAN VIET NAM - KHOI THI DUA CAC CO QUAN DANG TRUNG UONG",
            "",
            "GIAO UOC THI DUA NAM 2019",
            "Chu de: Doan ket, sang tao, thi dua xay dung bao ve To quoc,",
            "thuc hien thang loi Nghi quyet Dai hoi XII cua Dang.",
            "",
            "Ha Noi, ngay 18 thang 01 nam 2019",
            "",
            "Cac co quan thanh vien cung giao uoc thi dua hoan thanh xuat sac nhiem vu",
            "chinh tri nam 2019 va thuc hien van hoa cong so.",
            "",
            FormattableString.Invariant($"Dai dien {ctx.Agencies.Count} co quan thanh vien da ky."),
            "",
            "(Ban sao minh hoa - du lieu demo ThiDua)",
        ]);
        var stored = await files.SaveGeneratedAsync(pdf, "giao-uoc-thi-dua-2019.pdf", ct);
        Check(await service.AttachAsync(who, id.Value, stored, ct));
        var version = await db.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(ct);
        Check(await service.SignAsync(who, id.Value, version, ct));
    }

    private static void Check(List<string> errors)
    {
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));
    }
}
