namespace ThiDua.Tests.Nominations.Workflow;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for the workflow pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by a dossier id (/Nominations/Workflow/Act/{id}) are checked in <see cref="WorkflowPageTests"/>.</remarks>
public static class WorkflowAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Nominations/PublicList", "ok"),
        ("canbo.btctw@thidua.vn", "/Nominations/PublicList", "ok"),
        ("anonymous", "/Nominations/Workflow/Overdue", "login"),
        ("anonymous", "/Nominations/Workflow/Bulk", "login"),
        ("canbo.btctw@thidua.vn", "/Nominations/Workflow/Overdue", "denied"),
        ("canbo.hvctqg@thidua.vn", "/Nominations/Workflow/Bulk", "denied"),
        ("admin@thidua.vn", "/Nominations/Workflow/Bulk", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Nominations/Workflow/Bulk", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Nominations/Workflow/Overdue", "ok"),
        ("hoidong.btctw@thidua.vn", "/Nominations/Workflow/Bulk", "ok"),
        ("hoidong.btctw@thidua.vn", "/Nominations/Workflow/Overdue", "ok"),
        ("tdkt.btctw@thidua.vn", "/Nominations/Workflow/Bulk", "denied"),
        ("tdkt.btctw@thidua.vn", "/Nominations/Workflow/Overdue", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Nominations/Workflow/Bulk", "denied"),
        ("thanhvien.btctw@thidua.vn", "/Nominations/Workflow/Bulk", "denied"),
        ("thanhvien.btctw@thidua.vn", "/Nominations/Workflow/Overdue", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Nominations/Workflow/Overdue", "ok"),
    ];
}
