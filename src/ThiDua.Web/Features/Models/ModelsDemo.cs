using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>
/// The demo year 2019 for this feature, through the same code the pages call (see <see cref="BlocYearDemoContext"/>):
/// eight models across agencies and stages, each agency's officer acting for it, two put on the portal.
/// </summary>
public static class ModelsDemo
{
    public const string OfficeCulture = "Cán bộ, công chức thi đua thực hiện văn hóa công sở";

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var register = new ModelRegister(db, ctx.Services.GetRequiredService<TimeProvider>());
        List<int> movement = ctx.Movement2019Id is { } mv ? [mv] : [];

        ModelActor Officer(string agency) => new(ctx.OfficerOf(agency), false, ctx.Agencies[agency], true);

        async Task<int> Create(string agency, ModelInput input)
        {
            var outcome = await register.CreateAsync(Officer(agency), input, ct);
            if (!outcome.Ok) throw new InvalidOperationException($"demo model {agency}: {string.Join(" ", outcome.Errors)}");
            return outcome.Id!.Value;
        }

        async Task Step(string agency, int id, ModelStage target, DateOnly on, string note, string? evidence = null, string? reason = null)
        {
            var version = await db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Version).SingleAsync(ct);
            var outcome = await register.ChangeStageAsync(Officer(agency), id, version, new StageInput(target, on, note, evidence, null, reason), ct);
            if (!outcome.Ok) throw new InvalidOperationException($"demo model {id}: {string.Join(" ", outcome.Errors)}");
        }

        async Task Portal(string agency, int id)
        {
            var version = await db.ExemplaryModels.Where(m => m.Id == id).Select(m => m.Version).SingleAsync(ct);
            var outcome = await register.SetPortalAsync(Officer(agency), id, version, true, ct);
            if (!outcome.Ok) throw new InvalidOperationException($"demo model {id}: {string.Join(" ", outcome.Errors)}");
        }

        // 1. The Youth Union of Ban Tổ chức TW: a collective, all four stages, on the portal.
        var youthUnion = await db.Units.Where(u => u.Code == "BTCTW-DTN").Select(u => u.Id).SingleAsync(ct);
        var dtn = await Create("BTCTW", new ModelInput(ModelKind.Collective, null, youthUnion, "Tuổi trẻ xung kích, sáng tạo trong thực hiện nhiệm vụ chính trị",
            "Đoàn Thanh niên cơ quan tổ chức nhiều hoạt động tình nguyện, phong trào \"Tuổi trẻ sáng tạo\" và tham gia tích cực các phong trào của Khối (nội dung minh họa).",
            new DateOnly(2019, 2, 25), "Phát hiện qua sơ kết phong trào thi đua quý I.", "Báo cáo sơ kết quý I/2019 của Đoàn Thanh niên (minh họa)", movement));
        await Step("BTCTW", dtn, ModelStage.Nurture, new DateOnly(2019, 5, 15), "Giao chỉ tiêu, hỗ trợ kinh phí cho các công trình thanh niên.");
        await Step("BTCTW", dtn, ModelStage.Summarize, new DateOnly(2019, 12, 10), "Tổng kết kết quả năm 2019, đề nghị Bằng khen của Khối trưởng.", "Báo cáo thành tích năm 2019 (minh họa)");
        await Step("BTCTW", dtn, ModelStage.Replicate, new DateOnly(2020, 3, 4), "Giới thiệu tại hội nghị tổng kết Khối năm 2019 để các cơ quan học tập.");
        await Portal("BTCTW", dtn);

        // 2. A way of working: office culture (the bloc's 2019 contest), on the portal.
        var hvOffice = await FirstChildAsync(db, ctx.Agencies["HVCTQG"], ct);
        var culture = await Create("HVCTQG", new ModelInput(ModelKind.Practice, null, hvOffice, OfficeCulture,
            "Bộ quy tắc ứng xử, trang phục, giờ giấc và giao tiếp nơi công sở; mỗi phòng bình xét hằng tháng (nội dung minh họa).",
            new DateOnly(2019, 3, 12), "Phát hiện khi triển khai cuộc thi văn hóa công sở của Khối.", null, movement));
        await Step("HVCTQG", culture, ModelStage.Nurture, new DateOnly(2019, 6, 3), "Hoàn thiện bộ quy tắc, thí điểm tại các đơn vị trực thuộc.");
        await Step("HVCTQG", culture, ModelStage.Summarize, new DateOnly(2019, 12, 16), "Tổng kết cuộc thi, đánh giá hiệu quả.");
        await Portal("HVCTQG", culture);

        // 3–6. People: one per agency, at different stages; one went back a stage with a reason.
        var people = new List<(string Agency, string Code)>();
        foreach (var agency in new[] { "BTCTW", "HVCTQG", "DUKCQTW", "VPTW" })
        {
            var units = await UnitScopeService.SubtreeAsync(db, ctx.Agencies[agency], ct);
            var code = await db.People.Where(p => p.IsActive && p.CurrentUnitId != null && units.Contains(p.CurrentUnitId.Value))
                .OrderBy(p => p.Id).Select(p => p.PersonalCode).Skip(3).FirstAsync(ct);
            people.Add((agency, code));
        }
        var p1 = await Create(people[0].Agency, new ModelInput(ModelKind.Person, people[0].Code, null, "Chiến sĩ thi đua tiêu biểu trong công tác tham mưu",
            "Nhiều sáng kiến trong công tác cán bộ (minh họa).", new DateOnly(2019, 4, 8), "Phát hiện qua bình xét sáng kiến.", null, movement));
        await Step(people[0].Agency, p1, ModelStage.Nurture, new DateOnly(2019, 7, 1), "Cử tham gia lớp bồi dưỡng nghiệp vụ.");
        await Step(people[0].Agency, p1, ModelStage.Summarize, new DateOnly(2019, 12, 5), "Tổng kết thành tích cá nhân năm 2019.");
        var p2 = await Create(people[1].Agency, new ModelInput(ModelKind.Person, people[1].Code, null, "Giảng viên tiêu biểu đổi mới phương pháp giảng dạy",
            null, new DateOnly(2019, 5, 20), "Phát hiện qua dự giờ, đánh giá của học viên.", null, movement));
        await Step(people[1].Agency, p2, ModelStage.Nurture, new DateOnly(2019, 9, 9), "Giao chủ trì đề tài đổi mới bài giảng.");
        var p3 = await Create(people[2].Agency, new ModelInput(ModelKind.Person, people[2].Code, null, null,
            "Đảng viên trẻ tích cực trong công tác dân vận (minh họa).", new DateOnly(2019, 6, 14), "Phát hiện qua phong trào \"Dân vận khéo\".", null, []));
        await Step(people[2].Agency, p3, ModelStage.Nurture, new DateOnly(2019, 8, 20), "Giới thiệu tham gia tập huấn.");
        await Step(people[2].Agency, p3, ModelStage.Summarize, new DateOnly(2019, 11, 25), "Dự kiến tổng kết.");
        await Step(people[2].Agency, p3, ModelStage.Nurture, new DateOnly(2019, 12, 2), "Tiếp tục bồi dưỡng thêm một năm.",
            reason: "Hồ sơ tổng kết chưa đủ minh chứng về kết quả công tác; cần theo dõi thêm.");
        await Create(people[3].Agency, new ModelInput(ModelKind.Person, people[3].Code, null, null, null, new DateOnly(2019, 10, 7), "Mới phát hiện qua sơ kết 9 tháng.", null, movement));

        // 7. A collective at the nurture stage; 8. a way of working just discovered.
        var tgDept = await FirstChildAsync(db, ctx.Agencies["BTGTW"], ct);
        var c2 = await Create("BTGTW", new ModelInput(ModelKind.Collective, null, tgDept, "Tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ",
            null, new DateOnly(2019, 4, 22), "Phát hiện qua sơ kết 6 tháng.", null, movement));
        await Step("BTGTW", c2, ModelStage.Nurture, new DateOnly(2019, 8, 12), "Giao nhiệm vụ trọng tâm, theo dõi kết quả.");
        var bdvOffice = await FirstChildAsync(db, ctx.Agencies["BDVTW"], ct);
        await Create("BDVTW", new ModelInput(ModelKind.Practice, null, bdvOffice, "Số hóa hồ sơ thi đua, khen thưởng của cơ quan",
            "Lưu hồ sơ đề nghị khen thưởng dạng điện tử, tra cứu nhanh (nội dung minh họa).", new DateOnly(2019, 11, 18), null, null, []));
    }

    private static Task<int> FirstChildAsync(AppDbContext db, int agencyId, CancellationToken ct) =>
        db.Units.Where(u => u.ParentId == agencyId && u.Kind != UnitKind.SubUnit).OrderBy(u => u.SortKey).Select(u => u.Id).FirstAsync(ct);
}
