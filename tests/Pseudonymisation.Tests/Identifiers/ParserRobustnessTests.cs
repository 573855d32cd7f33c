using System.Diagnostics;
using System.Reflection;
using FsCheck;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

/// <summary>What any parser produced, flattened so every parser can be checked alike.</summary>
public sealed record ParseOutcome(bool IsValid, IdentifierError Error, string ResultText, string? IdentifierText, string? ExceptionMessage);

/// <summary>Every parser: never throws on user input, and never echoes the input in errors or ToString().</summary>
public sealed class ParserRobustnessTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly Dictionary<string, Func<string?, ParseOutcome>> Parsers = new(StringComparer.Ordinal)
    {
        ["bsn"] = s => Outcome(Bsn.Parse(s)),
        ["name"] = s => Outcome(PersonName.Parse(s, s, s)),
        ["fullname"] = s => Outcome(PersonName.ParseFull(s)),
        ["dob"] = s => Outcome(DateOfBirth.Parse(s, Today)),
        ["postcode"] = s => Outcome(Postcode.Parse(s)),
        ["address"] = s => Outcome(DutchAddress.Parse(s, s, s, s, s)),
        ["address-number"] = s => Outcome(DutchAddress.Parse("1234AB", s, s, s, s)),
        ["kvk"] = s => Outcome(KvkNumber.Parse(s)),
        ["kenteken"] = s => Outcome(Kenteken.Parse(s)),
        ["iban"] = s => Outcome(Iban.Parse(s)),
        ["phone"] = s => Outcome(PhoneNumber.Parse(s)),
        ["email"] = s => Outcome(EmailAddress.Parse(s)),
    };

    private static ParseOutcome Outcome<T>(ParseResult<T> result)
        where T : notnull
    {
        string? exceptionMessage = null;
        string? identifierText = null;
        try
        {
            identifierText = result.Value.ToString();
        }
        catch (InvalidOperationException ex)
        {
            exceptionMessage = ex.Message;
        }

        return new ParseOutcome(result.IsValid, result.Error, result.ToString(), identifierText, exceptionMessage);
    }

    public static TheoryData<string, string?> HostileInputs()
    {
        string?[] inputs =
        [
            null, string.Empty, " ", "\t\r\n", "\u00A0\u2007\u3000", "\0", "\u0001\u001F\u007F",
            "\u200B\u200C\u200D\uFEFF", "\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069",
            "\U0001F600\U0001F468\u200D\U0001F469\u200D\U0001F467", "\uD800", "\uDC00\uD800", "\uFFFF\uFFFE",
            "e\u0301\u0301\u0301\u0301", "\u0645\u062D\u0645\u062F", "１２３４５６７８２", "٠١٢٣٤٥٦٧٨٩",
            new string('9', 1_000_000), new string(' ', 1_000_000), string.Concat(Enumerable.Repeat("\uD83D\uDE00", 100_000)),
            "123456782\u202E", "NL91ABNA0417164300\u200B", "jan@\u0000.nl", "@@@", "....", "----", "'''", "%s%n{0}",
            "<script>alert(1)</script>", "'; DROP TABLE persons; --", "+", "00", "0", "-1", "99999999999999999999999",
        ];

        var data = new TheoryData<string, string?>();
        foreach (string parser in Parsers.Keys)
        {
            foreach (string? input in inputs)
            {
                data.Add(parser, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Parse_HostileInput_NeverThrowsAndIsConsistent(string parser, string? input)
    {
        ParseOutcome outcome = Parsers[parser](input);

        Assert.Equal(outcome.IsValid, outcome.Error == IdentifierError.None);
        Assert.Equal(outcome.IsValid, outcome.ExceptionMessage is null);
    }

    [Property(MaxTest = 300)]
    public bool Parse_ArbitraryString_NeverThrows(string? input) =>
        Parsers.Values.All(parse => Consistent(parse(input)));

    [Property(MaxTest = 300)]
    public bool Parse_ArbitraryUnicode_NeverThrows(UnicodeString input) =>
        Parsers.Values.All(parse => Consistent(parse(input.Item)));

    private static bool Consistent(ParseOutcome outcome) =>
        outcome.IsValid == (outcome.Error == IdentifierError.None) && outcome.IsValid == (outcome.ExceptionMessage is null);

    public static TheoryData<string, string> FailingInputs() => new()
    {
        { "bsn", "987654321" },
        { "bsn", "98765-4321x" },
        { "name", "Xyzzyqwerty7" },
        { "fullname", "Xyzzyqwerty 2e" },
        { "dob", "2031-07-14" },
        { "dob", "1789-07-14" },
        { "dob", "1999-02-31" },
        { "postcode", "9876 SS" },
        { "address", "9876 QQQ" },
        { "address-number", "987654" },
        { "kvk", "9876543" },
        { "kenteken", "QX-987-ZZZ" },
        { "kenteken", "98-AEI-7" },
        { "iban", "NL91ABNA0417164399" },
        { "iban", "QQ91ABNA0417164300" },
        { "phone", "06-9876543" },
        { "phone", "06 9876 54 32 1" },
        { "email", "xyzzy..qwerty@example.nl" },
        { "email", "xyzzy@qwerty_domain.nl" },
    };

    [Theory]
    [MemberData(nameof(FailingInputs))]
    public void Parse_FailurePath_NeverRevealsInput(string parser, string input)
    {
        ParseOutcome outcome = Parsers[parser](input);

        Assert.False(outcome.IsValid);
        string digits = new(input.Where(char.IsAsciiDigit).ToArray());
        string[] texts =
        [
            outcome.ResultText, outcome.ExceptionMessage!, IdentifierErrors.Code(outcome.Error), IdentifierErrors.Describe(outcome.Error),
        ];
        foreach (string text in texts)
        {
            Assert.DoesNotContain(input.Trim(), text, StringComparison.OrdinalIgnoreCase);
            if (digits.Length >= 4)
            {
                Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
            }
        }
    }

    public static TheoryData<string, string> SucceedingInputs() => new()
    {
        { "bsn", "123456782" },
        { "fullname", "Jan-Willem van der Berg" },
        { "dob", "1980-05-17" },
        { "postcode", "1234 AB" },
        { "kvk", "12345678" },
        { "kenteken", "12-BDF-3" },
        { "iban", "NL91ABNA0417164300" },
        { "phone", "06-12345678" },
        { "email", "jan.jansen@example.nl" },
    };

    [Theory]
    [MemberData(nameof(SucceedingInputs))]
    public void Parse_SuccessPath_ToStringRevealsNothing(string parser, string input)
    {
        ParseOutcome outcome = Parsers[parser](input);

        Assert.True(outcome.IsValid);
        Assert.Equal("Valid", outcome.ResultText);
        Assert.EndsWith("(***)", outcome.IdentifierText, StringComparison.Ordinal);
        Assert.DoesNotContain(input, outcome.IdentifierText!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[0-9]", outcome.IdentifierText!);
    }

    [Fact]
    public void DutchAddressAndPersonName_ToString_RevealNothing()
    {
        Assert.Equal("DutchAddress(***)", DutchAddress.Parse("1234AB", "12", "A", "Kerkstraat", "Utrecht").Value.ToString());
        Assert.Equal("PersonName(***)", PersonName.Parse("Jan", "van", "Dijk").Value.ToString());
    }

    public static TheoryData<Type> IdentifierTypes() =>
    [
        typeof(Bsn), typeof(PersonName), typeof(DateOfBirth), typeof(Postcode), typeof(DutchAddress), typeof(KvkNumber),
        typeof(Kenteken), typeof(Iban), typeof(PhoneNumber), typeof(EmailAddress),
    ];

    [Theory]
    [MemberData(nameof(IdentifierTypes))]
    public void IdentifierType_DebuggerDisplay_IsConstantAndValueMembersHidden(Type type)
    {
        DebuggerDisplayAttribute display = Assert.Single(type.GetCustomAttributes<DebuggerDisplayAttribute>());

        Assert.Equal(type.Name + "(***)", display.Value);
        Assert.True(type.IsSealed);
        Assert.Equal(type, type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType);
        PropertyInfo normalised = type.GetProperty("Normalised")!;
        DebuggerBrowsableAttribute browsable = Assert.Single(normalised.GetCustomAttributes<DebuggerBrowsableAttribute>());
        Assert.Equal(DebuggerBrowsableState.Never, browsable.State);
    }
}
