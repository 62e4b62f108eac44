namespace ThiDua.Tests.Scoring;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>Pages keyed by sheet and card ids are checked in <see cref="ScoringPageTests"/>.</remarks>
public static class ScoringAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Scoring", "login"),
        ("canbo.btctw@thidua.vn", "/Scoring", "denied"),
        ("tdkt.btctw@thidua.vn", "/Scoring", "ok"),
        ("hoidong.btctw@thidua.vn", "/Scoring", "ok"),
        ("thanhvien.btctw@thidua.vn", "/Scoring", "ok"),
        ("lanhdao.btctw@thidua.vn", "/Scoring", "ok"),
        ("thuongtruc.khoi@thidua.vn", "/Scoring", "ok"),
        ("admin@thidua.vn", "/Scoring", "ok"),
        ("tdkt.hvctqg@thidua.vn", "/Scoring", "ok"),
    ];
}
