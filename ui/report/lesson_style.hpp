#pragma once
// The lesson page's style sheet, written into the page itself so that the file stands alone
// (no network, no other file): readable on a screen and on paper, the journey charts scaled to
// the page's width, the story's sentences coloured as the terminal colours them.
#include <string_view>

namespace mailsim::report {

inline constexpr std::string_view kLessonStyle = R"(
body { font-family: "DejaVu Sans", Verdana, sans-serif; line-height: 1.45; color: #1A1A1A;
  background: #FFFFFF; max-width: 72em; margin: 0 auto; padding: 1em 2em 3em; }
h1 { font-size: 1.9em; margin: 0.4em 0 0.2em; color: #0B3C5D; }
h2 { font-size: 1.4em; margin-top: 1.8em; border-bottom: 2px solid #0072B2; color: #0B3C5D; }
h3 { font-size: 1.15em; margin-top: 1.5em; }
h4 { font-size: 1em; margin: 1em 0 0.3em; }
nav ol { columns: 2; }
.goal, .ask, .answer { white-space: pre-line; }
.goal { font-size: 1.05em; background: #F2F7FB; border-left: 4px solid #0072B2; padding: 0.6em 1em; }
ol.story { list-style: none; padding: 0; }
ol.story li { display: grid; grid-template-columns: 9em 1fr; gap: 0.8em; padding: 0.15em 0;
  border-bottom: 1px solid #EEEEEE; }
time { color: #666666; font-variant-numeric: tabular-nums; }
li[data-kind$=".delivered"], li[data-kind$=".accepted"], li[data-kind$=".fetched"] { color: #00603F; }
li[data-kind$=".deferred"] { color: #8A5A00; }
li[data-kind$=".bounced"], li[data-kind$=".refused"], li[data-kind$=".rejected"],
li[data-kind$=".dropped"], li[data-kind$=".timed_out"] { color: #B23C00; }
pre { background: #F7F7F7; border: 1px solid #DDDDDD; padding: 0.6em 0.8em; overflow-x: auto;
  font-size: 0.85em; white-space: pre-wrap; word-break: break-all; }
article.message { border: 1px solid #CCCCCC; border-radius: 6px; padding: 0 1em 1em;
  margin: 1.5em 0; }
figure.journey { margin: 0.5em 0; overflow-x: auto; }
figure.journey svg { max-width: 100%; height: auto; }
p.where { font-style: italic; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #CCCCCC; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #F2F2F2; }
td.result { font-weight: bold; white-space: nowrap; }
tr.met td.result { color: #00603F; }
tr.failed td.result { color: #B23C00; }
ol.questions li { margin-bottom: 1em; }
p.asked { color: #666666; font-size: 0.9em; margin: 0.2em 0; }
ol.story li.question { font-weight: bold; background: #FFF7E0; }
ol.story li.question a { color: #8A5A00; }
details { margin-top: 0.4em; }
summary { cursor: pointer; color: #0072B2; font-weight: bold; }
footer { margin-top: 3em; color: #666666; font-size: 0.9em; }
@media print { details { display: block; } article.message { break-inside: avoid-page; } }
)";

}  // namespace mailsim::report
