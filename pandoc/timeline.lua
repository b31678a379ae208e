--[[
timeline.lua: a Pandoc Lua filter that draws fenced `timeline` blocks as figures.

    ```{.timeline layout=lanes title="Releases" theme=print}
    start,end,title,group
    2024-01,2024-03,Alpha,Core
    ```

The block holds events in any format the `timeline` program reads (CSV, JSON, JSON Lines,
TimelineJS JSON, Mermaid, Markwhen; told from the content, or by `input-format=NAME`). Its
attributes are the program's long options (`layout=lanes` is `--layout=lanes`); `caption`
and `alt` belong to the filter (the figure's caption and the image's alternative text), and
`chart-caption` is the program's `--caption`. The chart is SVG for HTML and EPUB output, PDF
for LaTeX, Beamer and ConTeXt (and so for `-o report.pdf`), PNG for everything else.

Charts are kept in a cache folder (metadata `timeline-cache`, default `timeline-figures`
beside the output file) under a name made from a hash of the block's text, its options, the
output format and the program's `--version`: an unchanged block is not drawn again.

A block that fails stays in the document as code, with the error above it, and the error is
printed on standard error with the block's line in the Markdown file ("report.md:42: ...").
Pandoc 2.x gives Lua filters no way to add to its own warnings, so `--fail-if-warnings` does
not see these; with metadata `timeline-strict: true` or the environment variable
TIMELINE_FAIL_ON_ERROR=1, a failing block makes the filter raise an error after all blocks
were tried, and pandoc exits non-zero (83) without writing the output. Where pandoc has
pandoc.log.warn (later pandoc 3 releases), the errors are pandoc warnings, which
`--fail-if-warnings` counts.

The program: metadata `timeline-path`, else the environment variable TIMELINE, else
`timeline` on the PATH. Needs a POSIX shell (`sh`) and `mkdir`.
]]

local path = pandoc.path
local utils = pandoc.utils

-- Options that take no value: `critical-path=true` (or "", "yes", "1") passes the flag,
-- "false" (or "no", "0") leaves it out.
local FLAGS = {
  ["critical-path"] = true, ["fit-width"] = true, ["landscape"] = true, ["markup"] = true,
  ["repair-utf8"] = true, ["show-progress"] = true, ["strict"] = true,
  ["svg-text"] = true, ["system-fonts"] = true, ["quiet"] = true, ["verbose"] = true,
}
-- Options the filter sets itself, or that would make the program write no chart (or, with
-- watch, never end).
local REFUSED = {
  ["output"] = true, ["format"] = true, ["output-by-input"] = true, ["check"] = true,
  ["help"] = true, ["version"] = true, ["completion"] = true, ["print-config"] = true,
  ["list-themes"] = true, ["list-locales"] = true, ["watch"] = true,
}
-- Attributes that belong to the filter, not the program.
local OWN = { ["caption"] = true, ["alt"] = true }
-- Attributes renamed on the way to the program.
local RENAMED = { ["chart-caption"] = "caption" }

local config = {
  program = nil,   -- the program to run
  cache = nil,     -- the cache folder as written in the document (relative to the output)
  strict = false,  -- fail the whole run when a block fails
}
local version = nil      -- the program's --version, or false when it could not be run
local version_error = nil
local failures = {}      -- messages of the blocks that failed
local block_count = 0    -- timeline blocks seen, in document order
local sources = nil      -- the input files' lines, and the fences found in them
local next_fence = 1     -- the first fence not matched to a block yet

local function truthy(s)
  return s ~= nil and (s == "" or s == "true" or s == "yes" or s == "1" or s == "on")
end

local function meta_string(value)
  if value == nil then return nil end
  if type(value) == "boolean" then return tostring(value) end
  if type(value) == "string" then return value end
  return utils.stringify(value)
end

local function falsy(s)
  return s == "false" or s == "no" or s == "0" or s == "off"
end

local function setting(meta, key, env)
  local v = meta_string(meta[key])
  if v == nil and env then
    v = os.getenv(env)
    if v == "" then v = nil end
  end
  return v
end

local function configure(meta)
  config.program = setting(meta, "timeline-path", "TIMELINE") or "timeline"
  config.cache = setting(meta, "timeline-cache") or "timeline-figures"
  config.strict = truthy(setting(meta, "timeline-strict", "TIMELINE_FAIL_ON_ERROR"))
end

local function warn(msg)
  if pandoc.log and pandoc.log.warn then
    pandoc.log.warn(msg)
  else
    io.stderr:write("[WARNING] " .. msg .. "\n")
  end
end

-- The output format's image type.
local function image_type()
  local f = FORMAT:gsub("[+-].*$", "")
  if f:match("^html") or f:match("^epub") or f == "revealjs" or f == "slidy" or f == "s5"
      or f == "dzslides" or f == "slideous" or f == "chunkedhtml" then
    return "svg", "image/svg+xml"
  elseif f == "latex" or f == "beamer" or f == "context" or f == "pdf" then
    return "pdf", "application/pdf"
  end
  return "png", "image/png"
end

-- The folder the output file is written to ("." for standard output).
local function output_dir()
  local out = PANDOC_STATE.output_file
  if out == nil or out == "-" then return "." end
  return path.directory(out)
end

-------------------------------------------------------------------------------------------
-- Where a block is in the Markdown: pandoc 2.x gives filters no source positions, so the
-- input files are read and their fenced blocks whose attributes name `timeline` are matched,
-- in document order, to the blocks the filter sees by their first line of text.

local function read_sources()
  sources = { fences = {} }
  for _, file in ipairs(PANDOC_STATE.input_files) do
    if file == "-" then
      sources.stdin = true
    else
      local fh = io.open(file, "r")
      if fh then
        local lines = {}
        for line in fh:lines() do lines[#lines + 1] = line end
        fh:close()
        local i = 1
        while i <= #lines do
          local indent, fence, info = lines[i]:match("^(%s*)(```+)%s*(.*)$")
          if not fence then
            indent, fence, info = lines[i]:match("^(%s*)(~~~+)%s*(.*)$")
          end
          if fence then
            -- the closing fence: the same character, at least as long, nothing after it
            local close = i + 1
            while close <= #lines do
              local run = lines[close]:match("^%s*([`~]+)%s*$")
              if run and run:sub(1, 1) == fence:sub(1, 1) and #run >= #fence then break end
              close = close + 1
            end
            if info:match("timeline") then
              table.insert(sources.fences, {
                file = file, line = i, first = lines[i + 1] or "",
              })
            end
            i = close + 1
          else
            i = i + 1
          end
        end
      end
    end
  end
end

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- { file = NAME, line = N } for this block (the fence's line), or nil when not found.
local function locate(text)
  if sources == nil then read_sources() end
  local first = trim(text:match("^[^\n]*") or "")
  for j = next_fence, #sources.fences do
    local fence = sources.fences[j]
    if trim(fence.first) == first then
      next_fence = j + 1
      return fence
    end
  end
  return nil
end

-- "report.md:42" or "block 3".
local function where(loc, n)
  if loc then return loc.file .. ":" .. loc.line end
  return "timeline block " .. n
end

-- The program's messages with "<stdin>:LINE" turned into the Markdown file's line.
local function relocate(text, loc, n)
  return (text:gsub("<stdin>:(%d+)", function(line)
    if not loc then return "timeline block " .. n .. ", line " .. line end
    return loc.file .. ":" .. (loc.line + tonumber(line))
  end))
end

-------------------------------------------------------------------------------------------
-- Running the program.

local function program_version()
  if version == nil then
    local ok, out = pcall(pandoc.pipe, config.program, { "--version" }, "")
    if ok then
      version = trim(out)
    else
      version = false
      local why = type(out) == "table" and ("exit status " .. tostring(out.error_code))
          or tostring(out)
      if why:match("does not exist") then why = "not found" end
      version_error = "cannot run the timeline program '" .. config.program .. "' (" .. why
          .. "): set the metadata timeline-path or the environment variable TIMELINE"
    end
  end
  return version
end

-- Runs `sh -c` with ARGS, standard error joined to standard output. Returns ok, output, exit.
local function run(args, input)
  local argv = { "-c", 'exec "$@" 2>&1', "sh" }
  for _, a in ipairs(args) do argv[#argv + 1] = a end
  local ok, res = pcall(pandoc.pipe, "sh", argv, input)
  if ok then return true, res, 0 end
  if type(res) == "table" then return false, res.output or "", res.error_code end
  return false, tostring(res), -1
end

local function file_exists(name)
  local fh = io.open(name, "rb")
  if fh then fh:close() return true end
  return false
end

local function read_file(name)
  local fh = assert(io.open(name, "rb"))
  local data = fh:read("a")
  fh:close()
  return data
end

-- The program's options from the block's attributes; nil and a message when one is refused.
local function options(attributes)
  local keys = {}
  for k, _ in pairs(attributes) do keys[#keys + 1] = k end
  table.sort(keys)
  local args = {}
  for _, k in ipairs(keys) do
    local v = attributes[k]
    local name = RENAMED[k] or k
    if OWN[k] then
      -- the filter's own
    elseif REFUSED[name] then
      return nil, "the attribute '" .. k .. "' is not an option a block can set"
    elseif FLAGS[name] then
      if truthy(v) then
        args[#args + 1] = "--" .. name
      elseif not falsy(v) then
        return nil, "the attribute '" .. k .. "' is a flag: true or false, not '" .. v .. "'"
      end
    else
      args[#args + 1] = "--" .. name .. "=" .. v
    end
  end
  return args
end

-- Inlines from a caption written in Markdown.
local function inlines(text)
  local doc = pandoc.read(text, "markdown")
  if #doc.blocks == 0 then return {} end
  return utils.blocks_to_inlines(doc.blocks)
end

local function figure(src, attr, caption_text, alt_text)
  -- HTML takes the alt text from an "alt" attribute when there is one, else from the
  -- image's description
  local image_attr = pandoc.Attr(attr.identifier, {}, alt_text and { alt = alt_text } or {})
  if caption_text and caption_text ~= "" then
    local caption = inlines(caption_text)
    if pandoc.Figure then -- pandoc 3
      local img = pandoc.Image({ pandoc.Str(alt_text or caption_text) }, src, "", image_attr)
      return pandoc.Figure({ pandoc.Plain({ img }) }, { pandoc.Plain(caption) })
    end
    -- pandoc 2: an image alone in a paragraph whose title starts with "fig:" is a figure,
    -- and its description is the caption
    return pandoc.Para({ pandoc.Image(caption, src, "fig:", image_attr) })
  end
  return pandoc.Para({ pandoc.Image({ pandoc.Str(alt_text or "Timeline chart") }, src, "",
    image_attr) })
end

-- The block left as code, with the error above it.
local function failed(block, place, message)
  local text = place .. ": " .. message
  warn(text)
  table.insert(failures, text)
  local lines = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    if #lines > 0 then lines[#lines + 1] = pandoc.LineBreak() end
    lines[#lines + 1] = pandoc.Code(line)
  end
  return pandoc.Div({
    pandoc.Para({ pandoc.Strong({ pandoc.Str("timeline error:") }), pandoc.Space(),
      table.unpack(lines) }),
    block,
  }, pandoc.Attr("", { "timeline-error" },
    -- seen at a glance in HTML; other writers leave the attribute out
    { style = "border-left: 4px solid #c62828; padding-left: 1em" }))
end

local function render(block)
  block_count = block_count + 1
  if config.program == nil then configure({}) end
  local loc = locate(block.text)
  local place = where(loc, block_count)

  local attributes = {}
  for k, v in pairs(block.attributes) do attributes[k] = v end
  local args, refusal = options(attributes)
  if not args then return failed(block, place, refusal) end

  if not program_version() then return failed(block, place, version_error) end

  local ext, mime = image_type()
  local text = block.text .. "\n"
  local key = table.concat({ text, table.concat(args, "\0"), ext, version }, "\0\0")
  local name = utils.sha1(key) .. "." .. ext
  local cache = config.cache
  local dir = path.is_absolute(cache) and cache or path.normalize(path.join({ output_dir(), cache }))
  local file = path.join({ dir, name })
  local src = path.join({ cache, name })

  if not file_exists(file) then
    local ok, out = run({ "mkdir", "-p", dir }, "")
    if not ok then return failed(block, place, "cannot create " .. dir .. ": " .. trim(out)) end
    local tmp = file .. ".tmp"
    local argv = { config.program }
    for _, a in ipairs(args) do argv[#argv + 1] = a end
    for _, a in ipairs({ "-T", ext, "-o", tmp, "-" }) do argv[#argv + 1] = a end
    local done, output, status = run(argv, text)
    if not done then
      os.remove(tmp)
      local msg = trim(relocate(output, loc, block_count))
      if msg == "" then msg = "no message" end
      return failed(block, place, "timeline exited with status " .. tostring(status) .. ":\n" .. msg)
    end
    if trim(output) ~= "" then
      io.stderr:write(place .. ": " .. trim(relocate(output, loc, block_count)) .. "\n")
    end
    local moved, err = os.rename(tmp, file)
    if not moved then return failed(block, place, "cannot write " .. file .. ": " .. tostring(err)) end
  end

  -- In the media bag too, so that --self-contained, EPUB, DOCX and PDF output take the
  -- chart from there whatever the working directory is.
  pandoc.mediabag.insert(src, mime, read_file(file))

  local caption = attributes.caption
  if caption == nil then caption = attributes.title end
  return figure(src, block.attr, caption, attributes.alt)
end

local function is_timeline(block)
  for _, c in ipairs(block.classes) do
    if c == "timeline" then return true end
  end
  return false
end

return {
  {
    Meta = function(meta) configure(meta) end,
  },
  {
    CodeBlock = function(block)
      if is_timeline(block) then return render(block) end
    end,
  },
  {
    Pandoc = function(doc)
      if config.strict and #failures > 0 then
        error("\n" .. #failures .. " timeline block(s) failed:\n" .. table.concat(failures, "\n"), 0)
      end
      return doc
    end,
  },
}
