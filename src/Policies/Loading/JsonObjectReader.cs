using System.Globalization;
using System.Text.Json;
using SharingHub.Policies.Convenants;

namespace SharingHub.Policies.Loading;

/// <summary>
/// Strict reader for one JSON object of the convenant format: rejects unknown fields and wrong types, reports
/// missing required fields, and names the JSON path and enclosing clause id in every error.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<ConvenantError> _errors;

    private JsonObjectReader(JsonElement element, string path, string? clauseId, List<ConvenantError> errors)
    {
        _element = element;
        Path = path;
        ClauseId = clauseId;
        _errors = errors;
    }

    public string Path { get; }

    /// <summary>The clause id of this object, or of the nearest enclosing clause.</summary>
    public string? ClauseId { get; }

    public List<ConvenantError> Errors => _errors;

    /// <summary>Opens an object of the given kind; null (with an error) when the element is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string kind, string path, string? enclosingClauseId, List<ConvenantError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ConvenantError(PolicyCodes.WrongType, path, enclosingClauseId, $"expected an object ({kind}), found {Describe(element.ValueKind)}"));
            return null;
        }

        var known = ConvenantFormat.Objects[kind];
        var clauseId = enclosingClauseId;
        if (Array.IndexOf(known, "clauseId") >= 0)
        {
            if (element.TryGetProperty("clauseId", out var idElement) && idElement.ValueKind == JsonValueKind.String)
            {
                var text = idElement.GetString()!;
                if (ConvenantFormat.ClauseIdPattern().IsMatch(text))
                {
                    clauseId = text;
                }
                else
                {
                    errors.Add(new ConvenantError(PolicyCodes.InvalidClauseId, path + ".clauseId", enclosingClauseId, "clause id must look like \"RIEC-F-03\" (prefix, kind letters, 2-3 digits)"));
                }
            }
        }

        var reader = new JsonObjectReader(element, path, clauseId, errors);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                var shown = Shown(property.Name);
                errors.Add(new ConvenantError(PolicyCodes.UnknownField, reader.Child(shown[0] == '"' ? property.Name : "(unknown)"), clauseId, $"unknown field {shown} in {kind}; allowed: {string.Join(", ", known)}"));
            }
        }

        if (Array.IndexOf(known, "clauseId") >= 0)
        {
            reader.String("clauseId");
        }

        return reader;
    }

    public string Child(string name) => Path + "." + name;

    public string? String(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongType<string>(name, "a string", value);
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must not be empty");
            return null;
        }

        return text;
    }

    public string? Id(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is not null && !ConvenantFormat.IdPattern().IsMatch(text))
        {
            Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must be lower-case letters, digits and hyphens, starting with a letter");
            return null;
        }

        return text;
    }

    public bool? Bool(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => WrongTypeStruct<bool>(name, "true or false", value),
        };
    }

    public int? Int(string name, int min, int max, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            return WrongTypeStruct<int>(name, "an integer", value);
        }

        if (number < min || number > max)
        {
            Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must be between {min} and {max}");
            return null;
        }

        return number;
    }

    public T? Enum<T>(string name, NameMap<T> map, bool required = true)
        where T : struct, Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (map.TryParse(text, out var parsed))
        {
            return parsed;
        }

        Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must be one of: {string.Join(", ", map.Names)}");
        return null;
    }

    public DateTimeOffset? Timestamp(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');
        if (hasOffset && text.Length >= 20 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must be an RFC 3339 timestamp with offset, e.g. 2025-03-01T00:00:00+01:00");
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must be a date yyyy-MM-dd");
        return null;
    }

    /// <summary>An array of ids; missing optional arrays read as empty.</summary>
    public IReadOnlyList<string> IdList(string name, bool required = true, bool nonEmpty = false)
        => List(name, required, nonEmpty, (element, path) =>
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                _errors.Add(new ConvenantError(PolicyCodes.WrongType, path, ClauseId, $"expected a string, found {Describe(element.ValueKind)}"));
                return null;
            }

            var text = element.GetString()!;
            if (!ConvenantFormat.IdPattern().IsMatch(text))
            {
                _errors.Add(new ConvenantError(PolicyCodes.InvalidValue, path, ClauseId, "ids are lower-case letters, digits and hyphens, starting with a letter"));
                return null;
            }

            return text;
        });

    public IReadOnlyList<T> EnumList<T>(string name, NameMap<T> map, bool required = true, bool nonEmpty = false)
        where T : struct, Enum
    {
        var raw = List<object>(name, required, nonEmpty, (element, path) =>
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                _errors.Add(new ConvenantError(PolicyCodes.WrongType, path, ClauseId, $"expected a string, found {Describe(element.ValueKind)}"));
                return null;
            }

            if (map.TryParse(element.GetString(), out var parsed))
            {
                return parsed;
            }

            _errors.Add(new ConvenantError(PolicyCodes.InvalidValue, path, ClauseId, $"must be one of: {string.Join(", ", map.Names)}"));
            return null;
        });
        return raw.Cast<T>().ToArray();
    }

    public IReadOnlyList<T> ObjectList<T>(string name, string kind, Func<JsonObjectReader, T?> build, bool required = true, bool nonEmpty = false)
        where T : class
        => List(name, required, nonEmpty, (element, path) =>
        {
            var reader = Open(element, kind, path, ClauseId, _errors);
            return reader is null ? null : build(reader);
        });

    public JsonObjectReader? Object(string name, string kind, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        return Open(value, kind, Child(name), ClauseId, _errors);
    }

    public void Add(string code, string path, string message) => _errors.Add(new ConvenantError(code, path, ClauseId, message));

    private List<T> List<T>(string name, bool required, bool nonEmpty, Func<JsonElement, string, T?> item)
        where T : class
    {
        if (!TryGet(name, required, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(PolicyCodes.WrongType, Child(name), $"\"{name}\" must be an array, found {Describe(value.ValueKind)}");
            return [];
        }

        var result = new List<T>(value.GetArrayLength());
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var parsed = item(element, $"{Child(name)}[{index}]");
            if (parsed is not null)
            {
                result.Add(parsed);
            }

            index++;
        }

        if (nonEmpty && index == 0)
        {
            Add(PolicyCodes.InvalidValue, Child(name), $"\"{name}\" must not be empty");
        }

        return result;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Add(PolicyCodes.MissingField, Child(name), $"required field \"{name}\" is missing");
        }

        return false;
    }

    private T? WrongType<T>(string name, string expected, JsonElement value)
        where T : class
    {
        Add(PolicyCodes.WrongType, Child(name), $"\"{name}\" must be {expected}, found {Describe(value.ValueKind)}");
        return null;
    }

    private T? WrongTypeStruct<T>(string name, string expected, JsonElement value)
        where T : struct
    {
        Add(PolicyCodes.WrongType, Child(name), $"\"{name}\" must be {expected}, found {Describe(value.ValueKind)}");
        return null;
    }

    /// <summary>Quotes a field name only when it looks like one (letters and digits, starting with a letter), so a
    /// mistaken value pasted as a key (a BSN, an e-mail address) never reaches an error message.</summary>
    private static string Shown(string name)
        => name.Length <= 40 && name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit) && name.Count(char.IsAsciiDigit) < 4
            ? $"\"{name}\""
            : "(name not shown)";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
