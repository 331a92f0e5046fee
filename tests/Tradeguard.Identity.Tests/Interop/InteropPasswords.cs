using System.Text;

namespace Tradeguard.Identity.Tests.Interop;

/// <summary>
/// The passwords both directions of the interop tests run over: random ASCII and Unicode (seeded, so a failure is
/// reproducible), NFC/NFD pairs, empty, 71-74-byte edges for bcrypt's 72-byte limit, and NUL-containing ones.
/// </summary>
internal static class InteropPasswords
{
    private static readonly string[] Accented = ["mañana", "Ångström", "café crème", "naïve façade", "한국어", "Zürich€", "ṩ̇ōme"];

    public static IReadOnlyList<string> All { get; } = Build();

    private static List<string> Build()
    {
        var random = new Random(20261129);
        var list = new List<string>
        {
            "",
            "ma\u00F1ana",
            "man\u0303ana",
            "\uFF21\uFF11",
            "A1",
            new('a', 72),
            new('a', 73),
            new string('é', 36),           // 72 bytes
            new string('é', 37),           // 74 bytes: 37 two-byte characters
            new string('x', 71) + "é",     // 73 bytes, the last character crosses the limit
            new string('x', 70) + "€",     // 73 bytes
            "pass\0word",
            "\0",
            "trailing\0",
            "P@$$wOrd",
        };

        foreach (var word in Accented)
        {
            var suffix = random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Add((word + suffix).Normalize(NormalizationForm.FormC));
            list.Add((word + suffix).Normalize(NormalizationForm.FormD));
        }

        const string ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        while (list.Count < 140)
        {
            var length = random.Next(1, 64);
            list.Add(string.Concat(Enumerable.Range(0, length).Select(_ => ascii[random.Next(ascii.Length)])));
        }

        while (list.Count < 210)
        {
            var length = random.Next(1, 20);
            var sb = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                var pick = random.Next(4);
                var rune = pick switch
                {
                    0 => new Rune(random.Next(0x20, 0x7F)),
                    1 => new Rune(random.Next(0xA0, 0x250)),
                    2 => new Rune(random.Next(0x4E00, 0x9FFF)),
                    _ => new Rune(random.Next(0x1F600, 0x1F64F)),
                };
                sb.Append(rune.ToString());
            }

            list.Add(sb.ToString());
        }

        return list;
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);
}
