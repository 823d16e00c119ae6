using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using TjanstePlattform.Testing;

namespace TjanstePlattform.Host.Tests.Readme;

/// <summary>
/// The README's copy-paste calls (its <c>```sh</c> blocks), run as written against a started demo platform, each answer
/// checked for what the call's comment says (VP004, ERROR / INVALID_REQUEST, ProcessingStatus, OK …): the README cannot drift.
/// A small interpreter reads the blocks: shell functions, variables, quoting, line continuations and curl's options.
/// </summary>
public partial class ReadmeCallsTests
{
    private const string ReadmeAddress = "http://127.0.0.1:8080";

    [Test]
    public async Task Every_copy_paste_call_in_the_README_answers_what_its_comment_says()
    {
        var root = RivtaOracle.RepositoryRoot;
        var readme = await File.ReadAllTextAsync(Path.Combine(root, "README.md"));
        var commands = ShellBlocks(readme).SelectMany(Commands).ToList();

        await using var platform = await TestPlatform.StartAsync();
        var shell = new Shell(root, platform.BaseAddress);
        var calls = 0;
        foreach (var (line, comment) in commands)
        {
            var requests = shell.Interpret(line);
            foreach (var request in requests)
            {
                calls++;
                var (status, body) = await SendAsync(platform, request);
                await CheckAsync(platform, request, comment, status, body, line);
            }
        }

        Assert.That(calls, Is.GreaterThanOrEqualTo(20), "the README's sh blocks hold the copy-paste calls");
    }

    /// <summary>What the comment promises, checked on the answer.</summary>
    private static async Task CheckAsync(TestPlatform platform, CurlRequest request, string comment, int status, string body, string line)
    {
        var context = $"{line}  # {comment}\n→ HTTP {status}: {Shorten(body)}";
        if (AgainPattern().Match(comment) is { Success: true } again)
        {
            Assert.That(IsSuccess(status, body), context);
            var (_, second) = await SendAsync(platform, request);
            Assert.That(second, Does.Contain(">ERROR<").And.Contain(again.Groups["text"].Value.TrimEnd('…', ' ')), "called again: " + context);
        }
        else if (comment.StartsWith("repeat until", StringComparison.Ordinal))
        {
            Assert.That(IsSuccess(status, body), context);
            var ranOut = false;
            for (var i = 0; i < 20 && !ranOut; i++)
            {
                ranOut = (await SendAsync(platform, request)).Body.Contains(">ERROR<", StringComparison.Ordinal);
            }

            Assert.That(ranOut, Is.True, "repeated until ERROR: " + context);
        }
        else if (VpCodePattern().Match(comment) is { Success: true } code)
        {
            Assert.That(body, Does.Contain("<faultstring>" + code.Value + " "), context);
        }
        else if (comment.Contains("soap:Client fault", StringComparison.Ordinal))
        {
            Assert.That(body, Does.Contain("<faultcode>soap:Client</faultcode>"), context);
        }
        else if (comment.StartsWith("ERROR", StringComparison.Ordinal))
        {
            Assert.That(body, Does.Contain(">ERROR<"), context);
            foreach (var word in comment.Split(['/', ' ', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2 && w.All(c => char.IsUpper(c) || c == '_')))
            {
                Assert.That(body, Does.Contain(word), context);
            }
        }
        else
        {
            Assert.That(IsSuccess(status, body), context);
            if (comment.Contains("ProcessingStatus", StringComparison.Ordinal))
            {
                Assert.That(body, Does.Contain("ProcessingStatus"), context);
            }

            if (comment.StartsWith("OK", StringComparison.Ordinal))
            {
                Assert.That(body, Does.Contain(">OK<"), context);
            }
        }
    }

    private static bool IsSuccess(int status, string body) =>
        status is >= 200 and < 300 && !body.Contains("Fault>", StringComparison.Ordinal) && !body.Contains(">ERROR<", StringComparison.Ordinal);

    private static async Task<(int Status, string Body)> SendAsync(TestPlatform platform, CurlRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await platform.Http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> ShellBlocks(string markdown) =>
        ShellBlockPattern().Matches(markdown).Select(m => m.Groups["body"].Value);

    /// <summary>The block's commands: continuation lines joined, each with its trailing comment.</summary>
    private static IEnumerable<(string Line, string Comment)> Commands(string block)
    {
        var joined = block.Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var raw in joined.Split('\n'))
        {
            var (line, comment) = SplitComment(raw);
            if (line.Trim().Length > 0)
            {
                yield return (line.Trim(), comment);
            }
        }
    }

    /// <summary>The parts of <paramref name="line"/> between <paramref name="separator"/>s that are not quoted.</summary>
    private static IEnumerable<string> SplitOutsideQuotes(string line, char separator)
    {
        char? quote = null;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            var c = i < line.Length ? line[i] : separator;
            if (quote is null && c is '\'' or '"' && i < line.Length)
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == separator)
            {
                if (line[start..i].Trim() is { Length: > 0 } part)
                {
                    yield return part;
                }

                start = i + 1;
            }
        }
    }

    /// <summary>A <c>#</c> after whitespace and outside quotes starts the comment.</summary>
    private static (string Line, string Comment) SplitComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c is '\'' or '"')
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return (line[..i], line[(i + 1)..].Trim());
            }
        }

        return (line, string.Empty);
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlockPattern();

    [GeneratedRegex(@"\bVP\d{3}\b")]
    private static partial Regex VpCodePattern();

    [GeneratedRegex(@"^again → ERROR ""(?<text>[^""]+)""")]
    private static partial Regex AgainPattern();

    /// <summary>One HTTP request a curl command line makes.</summary>
    private sealed record CurlRequest(string Method, Uri Url, List<KeyValuePair<string, string>> Headers, byte[]? Body);

    /// <summary>Just enough of a POSIX shell for the README: functions, variables, quotes, curl and echo.</summary>
    private sealed partial class Shell(string workingDirectory, Uri platform)
    {
        private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _functions = new(StringComparer.Ordinal);

        public List<CurlRequest> Interpret(string line, IReadOnlyList<string>? positional = null)
        {
            if (FunctionPattern().Match(line) is { Success: true } function)
            {
                _functions[function.Groups["name"].Value] = function.Groups["body"].Value;
                return [];
            }

            if (AssignmentPattern().Match(line) is { Success: true } assignment)
            {
                _variables[assignment.Groups["name"].Value] = string.Concat(Words(assignment.Groups["value"].Value, positional));
                return [];
            }

            var requests = new List<CurlRequest>();
            foreach (var command in SplitOutsideQuotes(line, ';'))
            {
                var words = Words(command, positional);
                if (words.Count == 0 || words[0] == "echo")
                {
                    continue;
                }

                if (_functions.TryGetValue(words[0], out var body))
                {
                    requests.AddRange(Interpret(body, words));
                }
                else if (words[0] == "curl")
                {
                    requests.Add(Curl(words));
                }
                else
                {
                    Assert.Fail($"The README runs '{words[0]}', which this test does not know: {line}");
                }
            }

            return requests;
        }

        private CurlRequest Curl(List<string> words)
        {
            string? method = null;
            Uri? url = null;
            byte[]? body = null;
            var headers = new List<KeyValuePair<string, string>>();
            for (var i = 1; i < words.Count; i++)
            {
                switch (words[i])
                {
                    case "-s" or "--silent":
                        break;
                    case "-X" or "--request":
                        method = words[++i];
                        break;
                    case "-H" or "--header":
                        var header = words[++i].Split(':', 2);
                        headers.Add(KeyValuePair.Create(header[0].Trim(), header[1].Trim()));
                        break;
                    case "-d" or "--data" or "--data-binary":
                        var data = words[++i];
                        body = data.StartsWith('@') ? File.ReadAllBytes(Path.Combine(workingDirectory, data[1..])) : Encoding.UTF8.GetBytes(data);
                        break;
                    default:
                        Assert.That(words[i], Does.StartWith(ReadmeAddress), $"curl option the test does not know: {words[i]}");
                        url = new Uri(platform, words[i][ReadmeAddress.Length..]);
                        break;
                }
            }

            Assert.That(url, Is.Not.Null, "curl without a URL: " + string.Join(' ', words));
            return new CurlRequest(method ?? (body is null ? "GET" : "POST"), url!, headers, body);
        }

        /// <summary>Splits into words with quotes removed; <c>$1</c>, <c>$NAME</c> expanded outside single quotes.</summary>
        private List<string> Words(string text, IReadOnlyList<string>? positional)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            var inWord = false;
            char? quote = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        quote = null;
                    }
                    else
                    {
                        word.Append(c);
                    }
                }
                else if (c == '$' && i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_'))
                {
                    var end = i + 1;
                    if (char.IsDigit(text[end]))
                    {
                        end++;
                    }
                    else
                    {
                        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                        {
                            end++;
                        }
                    }

                    var name = text[(i + 1)..end];
                    word.Append(int.TryParse(name, out var n) ? positional is not null && n < positional.Count ? positional[n] : string.Empty
                        : _variables.TryGetValue(name, out var value) ? value : string.Empty);
                    inWord = true;
                    i = end - 1;
                }
                else if (quote == '"')
                {
                    if (c == '"')
                    {
                        quote = null;
                    }
                    else
                    {
                        word.Append(c);
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                    inWord = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    word.Append(c);
                    inWord = true;
                }
            }

            if (inWord)
            {
                words.Add(word.ToString());
            }

            return words;
        }

        [GeneratedRegex(@"^(?<name>\w+)\(\)\s*\{(?<body>.*)\}\s*$")]
        private static partial Regex FunctionPattern();

        [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)=(?<value>\S*)$")]
        private static partial Regex AssignmentPattern();
    }
}
