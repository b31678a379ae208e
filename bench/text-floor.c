/* The floor under one chart's text: a process that sets up the fonts as the CLI does, then
 * shapes each text of a chart's scene (`timeline -T json`) once with Pango, in its size,
 * weight and style, and draws nothing. bench/run.sh times it beside the empty program and the
 * CLI, so the table says how much of a run is the first text Pango shapes in a new process
 * (opening and parsing the fonts, HarfBuzz's shaping plans, the code of four libraries paged
 * in) and how much is the chart's own work.
 * Usage: text-floor SCENE.json */
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "timeline/timeline.h"

typedef struct floor_run {
    PangoContext *context;
    const char *family;
    int shaped;
} floor_run;

static double number(JsonObject *item, const char *name, double fallback)
{
    return json_object_has_member(item, name) ? json_object_get_double_member(item, name)
                                              : fallback;
}

static void shape_item(JsonArray *items, guint index, JsonNode *node, gpointer data)
{
    (void)items, (void)index;
    floor_run *run = data;
    JsonObject *item = json_node_get_object(node);
    if (!item || g_strcmp0(json_object_get_string_member_with_default(item, "type", ""), "text"))
        return;
    PangoFontDescription *desc = pango_font_description_new();
    pango_font_description_set_family(desc, run->family);
    pango_font_description_set_absolute_size(desc, number(item, "size", 9.5) * PANGO_SCALE);
    pango_font_description_set_weight(desc, (PangoWeight)number(item, "weight", 400));
    if (json_object_get_boolean_member_with_default(item, "italic", FALSE))
        pango_font_description_set_style(desc, PANGO_STYLE_ITALIC);
    PangoLayout *layout = pango_layout_new(run->context);
    pango_layout_set_font_description(layout, desc);
    pango_layout_set_text(layout, json_object_get_string_member_with_default(item, "text", ""),
                          -1);
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    run->shaped += w > 0;
    g_object_unref(layout);
    pango_font_description_free(desc);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: text-floor SCENE.json\n");
        return 64;
    }
    GError *gerr = NULL;
    JsonParser *parser = json_parser_new();
    if (!json_parser_load_from_file(parser, argv[1], &gerr)) {
        fprintf(stderr, "text-floor: %s\n", gerr->message);
        return 66;
    }
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonArray *items = root ? json_object_get_array_member(root, "items") : NULL;
    if (!items) {
        fprintf(stderr, "text-floor: %s holds no scene items\n", argv[1]);
        return 65;
    }
    /* As the command sets them up: its font configuration made the process's current one, so
     * a plain Pango font map uses the same files. */
    tl_error *err = NULL;
    tl_font_options *fopts = tl_font_options_new();
    tl_font_options_set_process_wide(fopts, true);
    tl_fonts *fonts = tl_fonts_new_with_options(fopts, &err);
    tl_font_options_free(fopts);
    if (!fonts) {
        fprintf(stderr, "text-floor: %s\n", err ? err->message : "no fonts");
        tl_error_free(err);
        return 69;
    }
    PangoFontMap *map = pango_cairo_font_map_new();
    floor_run run = {.context = pango_font_map_create_context(map),
                     .family = tl_fonts_get_family(fonts)};
    /* Unhinted, as the chart measures. */
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(run.context, options);
    cairo_font_options_destroy(options);
    json_array_foreach_element(items, shape_item, &run);
    printf("%d texts shaped\n", run.shaped);
    g_object_unref(run.context);
    g_object_unref(map);
    tl_fonts_unref(fonts);
    g_object_unref(parser);
    return run.shaped > 0 ? 0 : 65;
}
