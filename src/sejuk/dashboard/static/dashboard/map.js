/* Sejuk dashboard map (#6). Leaflet from our own static files; no CDN, no tiles unless configured.
 * Reads the layers inline (data-layers = id of a json_script) or from data-url, and draws:
 * areas coloured by temperature band (polygons where uploaded, circle markers otherwise),
 * incidents and activities as small squares-ish circles. With no tile URL the map is the
 * shapes on a plain background, which is what offline networks get. */
(function () {
  "use strict";
  var BAND = { panas: "#c0392b", hangat: "#e67e22", sejuk: "#2e86c1", "": "#aab7b8" };
  var LAYER = { incidents: "#7d3c98", activities: "#117a65" };

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span.innerHTML;
  }

  function popup(props, el) {
    var lines = ["<strong>" + text(props.name) + "</strong>"];
    if (props.layer === "areas") {
      lines.push(props.band ? text(props.band_label) + " · " + text(props.value) : "–");
      if (props.approximate) lines.push("<small>" + text(el.dataset.labelApproximate) + "</small>");
    } else {
      lines.push(text(props.detail) + " · " + text(props.day));
    }
    if (props.url) lines.push('<a href="' + encodeURI(props.url) + '">' + text(el.dataset.labelOpen) + " ›</a>");
    return lines.join("<br>");
  }

  function areaLayer(data, el) {
    return L.geoJSON(data, {
      style: function (f) {
        var color = BAND[f.properties.band || ""];
        return { color: "#34495e", weight: 1, fillColor: color, fillOpacity: 0.55 };
      },
      pointToLayer: function (f, latlng) {
        var color = BAND[f.properties.band || ""];
        return L.circleMarker(latlng, {
          radius: 9, color: "#34495e", weight: f.properties.approximate ? 1 : 2,
          dashArray: f.properties.approximate ? "3" : null, fillColor: color, fillOpacity: 0.85
        });
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(popup(f.properties, el));
        layer.bindTooltip(text(f.properties.name));
      }
    });
  }

  function pointLayer(data, name, el) {
    return L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 5, color: "#fff", weight: 1, fillColor: LAYER[name], fillOpacity: 0.95 });
      },
      onEachFeature: function (f, layer) { layer.bindPopup(popup(f.properties, el)); }
    });
  }

  function draw(el, layers) {
    var map = L.map(el, { scrollWheelZoom: false, attributionControl: !!el.dataset.tiles });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution || "" }).addTo(map);
    }
    var overlays = {};
    var groups = [
      ["areas", areaLayer(layers.areas, el), el.dataset.labelAreas],
      ["incidents", pointLayer(layers.incidents, "incidents", el), el.dataset.labelIncidents],
      ["activities", pointLayer(layers.activities, "activities", el), el.dataset.labelActivities]
    ];
    var bounds = L.latLngBounds([]);
    var drawn = 0;
    groups.forEach(function (g) {
      g[1].addTo(map);
      overlays[g[2]] = g[1];
      var count = g[1].getLayers().length;
      drawn += count;
      el.dataset["count" + g[0].charAt(0).toUpperCase() + g[0].slice(1)] = count;
      if (count) bounds.extend(g[1].getBounds());
    });
    L.control.layers(null, overlays, { collapsed: window.innerWidth < 700 }).addTo(map);
    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(0.15), { maxZoom: 13 });
    } else {
      map.setView([-2.5, 118], 4);
      var note = L.control({ position: "topright" });
      note.onAdd = function () {
        var div = L.DomUtil.create("div", "leaflet-bar dash-map-empty");
        div.style.background = "#fff"; div.style.padding = ".4rem .6rem"; div.style.maxWidth = "14rem";
        div.textContent = el.dataset.labelEmpty;
        return div;
      };
      note.addTo(map);
    }
    el.dataset.drawn = drawn;
  }

  function init(el) {
    if (typeof L === "undefined") return;
    if (el.dataset.layers) {
      var script = document.getElementById(el.dataset.layers);
      draw(el, JSON.parse(script.textContent));
    } else if (el.dataset.url) {
      fetch(el.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (layers) { draw(el, layers); })
        .catch(function () { el.dataset.drawn = "error"; });
    }
  }

  document.querySelectorAll("[data-sejuk-map]").forEach(init);
})();
