"use strict";
(function () {
  var arrows = Array.prototype.slice.call(document.querySelectorAll(".arrow button"));
  function open(button) {
    arrows.forEach(function (other) {
      var panel = document.getElementById(other.getAttribute("aria-controls"));
      var mine = other === button;
      other.setAttribute("aria-expanded", mine ? "true" : "false");
      panel.hidden = !mine;
    });
    var shown = document.getElementById(button.getAttribute("aria-controls"));
    shown.querySelector("h3").focus();
  }
  function close(panel) {
    panel.hidden = true;
    var button = document.querySelector('[aria-controls="' + panel.id + '"]');
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
  arrows.forEach(function (button, i) {
    button.addEventListener("click", function () { open(button); });
    button.addEventListener("keydown", function (e) {
      var next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: arrows.length - 1 }[e.key];
      if (next !== undefined && arrows[next]) {
        arrows[next].focus();
        e.preventDefault();
      }
    });
  });
  document.querySelectorAll('a[href^="#record-"]').forEach(function (link) {
    link.addEventListener("click", function (e) {
      var button = document.getElementById("arrow-" + link.getAttribute("href").slice("#record-".length));
      if (button) {
        e.preventDefault();
        open(button);
      }
    });
  });
  function show(field) {
    var record = field.closest(".record");
    var info = record.querySelector(".field-info");
    record.querySelectorAll(".f.on").forEach(function (f) { f.classList.remove("on"); });
    field.classList.add("on");
    info.querySelector(".name").textContent = field.title;
    info.querySelector(".rfc").textContent = field.getAttribute("data-rfc") || "";
    info.querySelector(".where").textContent = field.getAttribute("data-where") || "";
  }
  document.querySelectorAll(".record").forEach(function (record) {
    record.addEventListener("mouseover", function (e) {
      var field = e.target.closest(".f");
      if (field) { show(field); }
    });
    record.addEventListener("focusin", function (e) {
      var field = e.target.closest(".f");
      if (field) { show(field); }
    });
    record.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        close(record);
        return;
      }
      var field = e.target.closest(".f");
      if (!field || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) { return; }
      var all = Array.prototype.slice.call(field.closest(".bytes").querySelectorAll(".f"));
      var to = all[all.indexOf(field) + (e.key === "ArrowRight" ? 1 : -1)];
      if (to) {
        to.focus();
        e.preventDefault();
      }
    });
  });
})();
